"use strict";
// Sorting and filtering read only the table's own cells; nothing here touches document text as markup.
(function () {
  function cellValue(row, index) {
    var cell = row.cells[index];
    var raw = cell.getAttribute("data-sort");
    if (raw !== null && raw !== "" && !isNaN(Number(raw))) { return Number(raw); }
    return cell.textContent.trim();
  }
  function sortBy(table, index, header) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    rows.sort(function (a, b) {
      var x = cellValue(a, index), y = cellValue(b, index);
      var order = (typeof x === "number" && typeof y === "number") ? x - y : String(x).localeCompare(String(y), "zh");
      return ascending ? order : -order;
    });
    Array.prototype.forEach.call(header.parentNode.cells, function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    rows.forEach(function (row) { body.appendChild(row); });
  }
  function applyFilter(block) {
    var table = block.querySelector("table");
    var status = block.querySelector("select.status").value;
    var words = block.querySelector("input.filter").value.trim().toLowerCase();
    var shown = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var ok = (status === "" || row.getAttribute("data-status") === status) &&
        (words === "" || row.textContent.toLowerCase().indexOf(words) !== -1);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    block.querySelector(".count").textContent = shown + " of " + table.tBodies[0].rows.length + " rows";
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      th.addEventListener("click", function () { sortBy(table, index, th); });
    });
  });
  document.querySelectorAll(".facts-block").forEach(function (block) {
    block.querySelector("select.status").addEventListener("change", function () { applyFilter(block); });
    block.querySelector("input.filter").addEventListener("input", function () { applyFilter(block); });
    applyFilter(block);
  });
  var toggle = document.getElementById("view-toggle");
  if (toggle) {
    toggle.addEventListener("click", function () {
      var inline = document.body.classList.toggle("inline-view");
      toggle.textContent = inline ? "Show side by side" : "Show inline";
    });
  }
})();
