/* The offline API reference: renders this server's OpenAPI document with textContent only. */
"use strict";
(async function () {
  const box = document.getElementById("ops");
  function el(tag, cls, text) {
    const n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined && text !== null) n.textContent = String(text);
    return n;
  }
  let spec;
  try {
    spec = await (await fetch("/openapi.json")).json();
  } catch (e) {
    box.textContent = "cannot load /openapi.json: " + e.message;
    return;
  }
  box.replaceChildren();
  for (const [path, ops] of Object.entries(spec.paths || {})) {
    for (const [method, op] of Object.entries(ops)) {
      const card = el("div", "op");
      const head = el("div");
      head.append(el("span", "method " + method, method.toUpperCase()), el("span", "path", path));
      card.append(head);
      if (op.summary) card.append(el("strong", null, op.summary));
      if (op.description) card.append(el("p", "muted", op.description));
      const params = op.parameters || [];
      if (params.length) {
        const t = el("table");
        const hr = el("tr");
        for (const h of ["parameter", "in", "type", "description"]) hr.append(el("th", null, h));
        t.append(hr);
        for (const p of params) {
          const s = p.schema || {};
          const type = s.type || (s.anyOf || []).map((x) => x.type || x.$ref || "").filter(Boolean).join(" | ");
          const bounds = [s.minimum !== undefined ? "≥ " + s.minimum : "", s.maximum !== undefined ? "≤ " + s.maximum : ""].filter(Boolean).join(", ");
          const tr = el("tr");
          tr.append(el("td", "path", p.name + (p.required ? " *" : "")), el("td", null, p.in),
            el("td", null, [type, bounds].filter(Boolean).join(" ")), el("td", null, p.description || ""));
          t.append(tr);
        }
        card.append(t);
      }
      if (op.requestBody) card.append(el("p", "muted", "JSON body: see the schema in /openapi.json"));
      box.append(card);
    }
  }
})();
