// Year and type filters for the meeting list. Without JavaScript every meeting is shown,
// grouped by year; with it, two labelled selects hide the rows that do not match, and the
// choice is kept in the address (?year=2024&type=Forum+meeting) so it can be shared.
(function () {
  "use strict";
  var box = document.querySelector(".ogp-filter");
  if (!box) return;
  var rows = [];
  document.querySelectorAll(".md-content table").forEach(function (table) {
    var heading = table.closest(".md-typeset__scrollwrap, table");
    var h2 = null;
    for (var node = heading.previousElementSibling; node; node = node.previousElementSibling) {
      if (node.tagName === "H2") { h2 = node; break; }
    }
    table.querySelectorAll("tbody tr").forEach(function (tr) {
      rows.push({ tr: tr, table: heading, h2: h2, year: h2 ? h2.textContent.trim() : "",
                  type: tr.cells.length > 2 ? tr.cells[2].textContent.trim() : "" });
    });
  });
  function unique(key) {
    return rows.map(function (r) { return r[key]; }).filter(function (v, i, a) { return v && a.indexOf(v) === i; });
  }
  function select(name, label, values) {
    var wrap = document.createElement("label");
    wrap.textContent = label + " ";
    var sel = document.createElement("select");
    sel.name = name;
    var all = document.createElement("option");
    all.value = ""; all.textContent = box.dataset.allLabel;
    sel.appendChild(all);
    values.forEach(function (v) {
      var option = document.createElement("option");
      option.value = v; option.textContent = v;
      sel.appendChild(option);
    });
    wrap.appendChild(sel);
    return wrap;
  }
  var form = document.createElement("form");
  form.className = "ogp-filter__form";
  form.setAttribute("role", "search");
  form.setAttribute("aria-label", box.dataset.formLabel);
  form.appendChild(select("year", box.dataset.yearLabel, unique("year")));
  form.appendChild(select("type", box.dataset.typeLabel, unique("type").sort()));
  var status = document.createElement("p");
  status.setAttribute("aria-live", "polite");
  box.appendChild(form);
  box.appendChild(status);
  function apply() {
    var year = form.elements.year.value, type = form.elements.type.value, shown = 0;
    rows.forEach(function (r) {
      var match = (!year || r.year === year) && (!type || r.type === type);
      r.tr.hidden = !match;
      if (match) shown += 1;
    });
    rows.forEach(function (r) {
      var any = rows.some(function (o) { return o.table === r.table && !o.tr.hidden; });
      r.table.hidden = !any;
      if (r.h2) r.h2.hidden = !any;
    });
    status.textContent = box.dataset.countLabel.replace("#", String(shown));
    var params = new URLSearchParams(window.location.search);
    year ? params.set("year", year) : params.delete("year");
    type ? params.set("type", type) : params.delete("type");
    var query = params.toString();
    history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }
  var initial = new URLSearchParams(window.location.search);
  form.elements.year.value = initial.get("year") || "";
  form.elements.type.value = initial.get("type") || "";
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  apply();
})();
