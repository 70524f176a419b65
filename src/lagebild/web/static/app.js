// lagebild: select a fact in the side panel and the text scrolls to its evidence and marks it.
(function () {
  "use strict";
  function mark(key) {
    document.querySelectorAll(".ev.marked").forEach(function (el) { el.classList.remove("marked"); });
    document.querySelectorAll("button.fact.active").forEach(function (el) { el.classList.remove("active"); });
    var first = null;
    document.querySelectorAll(".ev").forEach(function (el) {
      var keys = (el.getAttribute("data-facts") || "").split(" ");
      if (keys.indexOf(key) >= 0) { el.classList.add("marked"); if (!first) { first = el; } }
    });
    var btn = document.querySelector('button.fact[data-fact="' + key + '"]');
    if (btn) { btn.classList.add("active"); }
    if (first) { first.scrollIntoView({block: "center"}); }
  }
  document.addEventListener("click", function (ev) {
    var t = ev.target.closest ? ev.target.closest("button.fact") : null;
    if (t) { mark(t.getAttribute("data-fact")); }
  });
  document.addEventListener("DOMContentLoaded", function () {
    var target = document.querySelector(".ev.target");
    if (target) { target.scrollIntoView({block: "center"}); }
  });
})();
