"use strict";
// Links every element that carries the same data-point id: the source mark, the table cell
// and the plot hotspot of one point. Hover outlines them; a click picks them (and their source
// line) and scrolls the others into view.
(function () {
  var picked = [];
  function same(id) {
    return document.querySelectorAll('[data-point="' + CSS.escape(id) + '"]');
  }
  function pointOf(target) {
    return target && target.closest ? target.closest("[data-point]") : null;
  }
  function clear() {
    picked.forEach(function (el) { el.classList.remove("picked"); });
    picked = [];
  }
  function pick(id, from) {
    clear();
    same(id).forEach(function (el) {
      el.classList.add("picked");
      picked.push(el);
      var line = el.closest("li.line");
      if (line) { line.classList.add("picked"); picked.push(line); }
      if (el !== from && !el.closest("svg")) { el.scrollIntoView({ block: "nearest", inline: "nearest" }); }
    });
  }
  document.addEventListener("click", function (event) {
    var el = pointOf(event.target);
    if (el) { pick(el.getAttribute("data-point"), el); } else if (!event.target.closest("a")) { clear(); }
  });
  document.addEventListener("keydown", function (event) {
    var el = pointOf(event.target);
    if (el && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); pick(el.getAttribute("data-point"), el); }
  });
  ["mouseover", "mouseout"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var el = pointOf(event.target);
      if (!el) { return; }
      var on = type === "mouseover";
      same(el.getAttribute("data-point")).forEach(function (other) { other.classList.toggle("hover", on); });
    });
  });
  // "Next unclaimed" buttons: step through the lines that hold an unclaimed number.
  document.querySelectorAll("button.next-unclaimed").forEach(function (button) {
    var at = -1;
    button.addEventListener("click", function () {
      var doc = document.getElementById(button.getAttribute("data-doc"));
      var lines = doc ? doc.querySelectorAll("li.line.has-unclaimed") : [];
      if (!lines.length) { return; }
      at = (at + 1) % lines.length;
      clear();
      lines[at].classList.add("picked");
      picked.push(lines[at]);
      lines[at].scrollIntoView({ block: "center" });
    });
  });
})();
