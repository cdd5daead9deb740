// SPDX-License-Identifier: MPL-2.0
// The economic table as a grid: a block pasted from a spreadsheet (tab-separated columns,
// one line a row) fills the cells from the one pasted into; the arrow keys up and down move
// between lines in the same year (the economic table's cells, which carry their row and
// column; a key's weights do not). The server reads and checks every figure.
(function () {
  "use strict";
  function cell(row, col) {
    return document.querySelector('input.amount[data-row="' + row + '"][data-col="' + col + '"]');
  }
  document.addEventListener("paste", function (event) {
    var target = event.target;
    if (!target.matches || !target.matches("input.amount[data-row]")) return;
    var text = (event.clipboardData || window.clipboardData).getData("text");
    if (text.indexOf("\t") < 0 && text.indexOf("\n") < 0) return;
    event.preventDefault();
    var row = Number(target.dataset.row), col = Number(target.dataset.col);
    text.replace(/\r/g, "").replace(/\n$/, "").split("\n").forEach(function (line, i) {
      line.split("\t").forEach(function (value, j) {
        var input = cell(row + i, col + j);
        if (input) input.value = value.trim();
      });
    });
    target.form.dispatchEvent(new Event("input", { bubbles: true }));
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (!target.matches || !target.matches("input.amount[data-row]")) return;
    var step = event.key === "ArrowDown" ? 1 : event.key === "ArrowUp" ? -1 : 0;
    if (!step) return;
    var next = cell(Number(target.dataset.row) + step, target.dataset.col);
    if (next) {
      event.preventDefault();
      next.focus();
      next.select();
    }
  });
})();
