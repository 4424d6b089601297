// The finder page: free text plus filters over commitments, milestones, meetings and evidence.
// The lunr index was built at build time (Python lunr) and is loaded as it is: the browser never
// builds one. lunr.js is fetched from beside this script, on the finder page only. The query
// and the filters live in the address (?find=...&plan=...), so a search can be shared. Not "q":
// Material's own search box opens itself for a "q" in the address.
(function () {
  "use strict";
  var root = document.getElementById("ogp-finder");
  if (!root) return;
  var here = document.currentScript ? document.currentScript.src : "";
  var FILTERS = ["plan", "commitment", "kind", "year", "language", "status"];

  function load(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function values(item, key) {
    if (key === "language") return item.languages;
    var value = item[key] || "";
    return value ? String(value).split(";") : [];
  }

  function build(data) {
    var ui = data.ui, items = data.items, byId = {};
    items.forEach(function (item) { byId[item.id] = item; });
    // A repository with no records yet has no index: every search then finds nothing.
    var index = data.index ? lunr.Index.load(data.index) : null;
    document.querySelectorAll(".ogp-needs-js").forEach(function (el) { el.hidden = true; });

    var form = document.createElement("form");
    form.className = "ogp-finder__form";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", ui.form);
    var queryLabel = document.createElement("label");
    queryLabel.textContent = ui.query + " ";
    var query = document.createElement("input");
    query.type = "search";
    query.name = "find";
    query.autocomplete = "off";
    queryLabel.appendChild(query);
    form.appendChild(queryLabel);
    var selects = {};
    FILTERS.forEach(function (key) {
      var options = [];
      items.forEach(function (item) {
        values(item, key).forEach(function (v) { if (options.indexOf(v) < 0) options.push(v); });
      });
      options.sort();
      var label = document.createElement("label");
      label.textContent = ui[key] + " ";
      var select = document.createElement("select");
      select.name = key;
      var all = document.createElement("option");
      all.value = "";
      all.textContent = ui.all;
      select.appendChild(all);
      options.forEach(function (v) {
        var option = document.createElement("option");
        option.value = v;
        option.textContent = v;
        select.appendChild(option);
      });
      label.appendChild(select);
      form.appendChild(label);
      selects[key] = select;
    });
    var status = document.createElement("p");
    status.setAttribute("aria-live", "polite");
    var list = document.createElement("ol");
    list.className = "ogp-finder__results";
    root.appendChild(form);
    root.appendChild(status);
    root.appendChild(list);

    function search(text) {
      var terms = text.toLowerCase().split(/[\s\-]+/).filter(Boolean);
      if (!terms.length) return items.slice();
      if (!index) return [];
      var hits = index.query(function (q) {
        terms.forEach(function (term) {
          // Every term must begin a word of the item (the index holds whole words, unstemmed).
          q.term(term, { wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false,
                         presence: lunr.Query.presence.REQUIRED });
        });
      });
      return hits.map(function (hit) { return byId[hit.ref]; });
    }

    function apply(updateAddress) {
      var chosen = {};
      FILTERS.forEach(function (key) { chosen[key] = selects[key].value; });
      var found = search(query.value).filter(function (item) {
        return FILTERS.every(function (key) { return !chosen[key] || values(item, key).indexOf(chosen[key]) >= 0; });
      });
      list.textContent = "";
      found.slice(0, 200).forEach(function (item) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = item.url;
        a.textContent = item.title;
        var meta = document.createElement("span");
        meta.className = "ogp-finder__meta";
        meta.textContent = " — " + [item.kind, item.date, item.status].filter(Boolean).join(" · ");
        li.appendChild(a);
        li.appendChild(meta);
        list.appendChild(li);
      });
      status.textContent = ui.count.replace("#", String(found.length));
      if (updateAddress) {
        var params = new URLSearchParams();
        if (query.value) params.set("find", query.value);
        FILTERS.forEach(function (key) { if (chosen[key]) params.set(key, chosen[key]); });
        var text = params.toString();
        history.replaceState(null, "", location.pathname + (text ? "?" + text : ""));
      }
    }

    var initial = new URLSearchParams(location.search);
    query.value = initial.get("find") || "";
    FILTERS.forEach(function (key) { selects[key].value = initial.get(key) || ""; });
    form.addEventListener("input", function () { apply(true); });
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
    apply(false);
  }

  Promise.all([load(new URL("lunr.js", here).href), fetch("index.json").then(function (r) { return r.json(); })])
    .then(function (results) { build(results[1]); })
    .catch(function (error) { root.textContent = String(error); });
})();
