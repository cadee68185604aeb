// Move focus to a form's error summary so screen readers announce it (WCAG 3.3.1).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
});
