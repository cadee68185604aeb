// The public application profile: focus the error summary (WCAG 3.3.1) and let people
// search the occupations list. Without JavaScript the whole list is shown.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }

  var filter = document.getElementById("occupation-filter");
  var list = document.getElementById("occupation-list");
  if (!filter || !list) { return; }
  filter.parentNode.hidden = false;
  var items = Array.prototype.slice.call(list.querySelectorAll("li"));
  filter.addEventListener("input", function () {
    var words = filter.value.toLowerCase().trim();
    items.forEach(function (item) {
      var checked = item.querySelector("input").checked;
      item.hidden = words !== "" && !checked && item.textContent.toLowerCase().indexOf(words) === -1;
    });
  });
  // Enter in the search field must not send the step.
  filter.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { event.preventDefault(); }
  });
});
