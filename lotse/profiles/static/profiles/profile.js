// The public application profile: focus the error summary (WCAG 3.3.1), keep what is
// typed (autosave) and let people search the occupations list. Without JavaScript the
// whole list is shown and a step is saved when the person leaves it.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
  setUpAutosave(document.querySelector("form.profile-form"));

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


// Autosave: a short while after the last key press or change, the step's fields (no
// files) go to the server with autosave=1; it keeps them as typed until the step is
// saved. A failure is silent: the next autosave or "next" saves.
var AUTOSAVE_DELAY_MS = 800;

function setUpAutosave(form) {
  if (!form || !window.fetch || !window.FormData) { return; }
  var timer = null;
  var leaving = false;

  function send(keepalive) {
    timer = null;
    var data = new FormData(form);
    Array.prototype.forEach.call(form.querySelectorAll("input[type=file]"), function (input) {
      data.delete(input.name);
    });
    data.set("autosave", "1");
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    var headers = token ? { "X-CSRFToken": token.value } : {};
    // keepalive lets the last request finish while the page goes away; its body is
    // limited (64 kB), which a step stays far below.
    // (form.action would be the button called "action".)
    fetch(form.getAttribute("action") || window.location.href, {
      method: "POST", body: data, credentials: "same-origin", headers: headers,
      keepalive: Boolean(keepalive)
    }).catch(function () {});
  }

  function later() {
    if (leaving) { return; }
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(send, AUTOSAVE_DELAY_MS);
  }

  form.addEventListener("input", later);
  form.addEventListener("change", later);
  // Sending the step saves it: a late autosave must not come after it.
  form.addEventListener("submit", function () {
    leaving = true;
    if (timer) { clearTimeout(timer); timer = null; }
  });
  // Back to this page from the browser's cache: it is in use again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { leaving = false; }
  });
  // The tab is closed or put away with input not sent yet: send it now.
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden" && timer && !leaving) {
      clearTimeout(timer);
      send(true);
    }
  });
}
