/* sitrep dashboard: plain JS, no build step, nothing fetched but this server's own API.
 * Every value from the API reaches the page through textContent or attributes set one by
 * one, never through innerHTML, so article text cannot inject markup. */
"use strict";

(function () {
  const TYPE_COLORS = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Protests": "#2ca02c",
    "Riots": "#8c564b",
    "Strategic developments": "#1f77b4",
  };
  const OTHER_COLOR = "#7f7f7f";
  const DAY_MS = 86400000;

  const state = {
    events: [], claims: [], tallies: [], contradictions: [],
    range: null, // [firstDay, lastDay] ISO strings from the brush, inclusive
    map: null, markers: null, countriesDrawn: false,
  };

  // -- DOM helpers ------------------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "dataset") Object.assign(node.dataset, v);
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }
  function svg(tag, attrs) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    return node;
  }
  const $ = (sel) => document.querySelector(sel);
  const fmt = (n) => (n === null || n === undefined ? "?" : Number(n).toLocaleString("en"));
  const typeColor = (t) => TYPE_COLORS[t] || OTHER_COLOR;
  const inRange = (day) =>
    !state.range || (day && day >= state.range[0] && day <= state.range[1]);
  const articleHref = (id, focus) =>
    "#/article/" + encodeURIComponent(id) + (focus ? "/" + encodeURIComponent(focus) : "");

  // -- data -------------------------------------------------------------------------------
  function filterParams() {
    const form = new FormData($("#filters"));
    const p = new URLSearchParams();
    for (const [k, v] of form.entries()) if (String(v).trim()) p.set(k, String(v).trim());
    return p;
  }
  async function getJSON(url) {
    const r = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await r.json();
    if (!r.ok) throw new Error((body.error && body.error.message) || r.statusText);
    return body;
  }
  async function getAll(path, params, withMethod) {
    const items = [];
    let method = null;
    for (let offset = 0; offset < 20000; offset += 1000) {
      const p = new URLSearchParams(params);
      p.set("limit", "1000");
      p.set("offset", String(offset));
      const page = await getJSON(path + "?" + p);
      items.push(...page.items);
      method = page.method || method;
      if (items.length >= page.total || page.items.length === 0) break;
    }
    return withMethod ? { items, method } : items;
  }

  // -- live: poll /api/changes and reload when the database changed -------------------------
  const live = { version: null, busy: false };
  async function pollChanges() {
    if (live.busy || document.hidden) return;
    live.busy = true;
    try {
      const c = await getJSON("/api/changes?since=" + (live.version === null ? 0 : live.version));
      if (live.version !== null && c.changed) {
        await load();
        $("#status").textContent += ` · updated (${c.articles.length} new)`;
      }
      live.version = c.version;
    } catch (e) {
      /* the server may be restarting: try again at the next tick */
    } finally {
      live.busy = false;
    }
  }
  async function load() {
    const params = filterParams();
    const eventParams = new URLSearchParams(params);
    eventParams.delete("kind"); // a casualty kind; events use it for the weapon mode
    $("#status").textContent = "loading…";
    try {
      const [events, claims, tallies, contradictions] = await Promise.all([
        getAll("/api/events", eventParams),
        getAll("/api/claims", params),
        getAll("/api/tallies", params, true),
        getAll("/api/contradictions", params, true),
      ]);
      Object.assign(state, {
        events, claims, tallies: tallies.items, contradictions: contradictions.items,
      });
      $("#tally-method").textContent = tallies.method === "reconcile"
        ? "(reconciled across articles)" : "(simple grouping: run sitrep reconcile)";
      $("#status").textContent =
        `${events.length} events · ${claims.length} claims · ${tallies.items.length} tallies`;
    } catch (e) {
      $("#status").textContent = "error: " + e.message;
      return;
    }
    drawTimeline();
    render();
  }

  // -- map --------------------------------------------------------------------------------
  async function initMap() {
    const map = L.map("map", { minZoom: 1, maxZoom: 12, worldCopyJump: true, zoomSnap: 0.25 });
    map.setView([30, 20], 2);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Natural Earth (world-atlas) · Leaflet");
    state.map = map;
    state.markers = L.layerGroup().addTo(map);
    const legend = L.control({ position: "bottomleft" });
    legend.onAdd = () => {
      const box = el("div", { class: "map-legend" });
      for (const [t, c] of Object.entries(TYPE_COLORS)) {
        box.append(el("div", {}, el("span", { class: "swatch", style: `background:${c}` }), t));
      }
      box.append(el("div", { class: "hint" }, "circle size: fatalities"));
      return box;
    };
    legend.addTo(map);
    try {
      const topo = await getJSON("/static/vendor/world-atlas/countries-50m.json");
      const land = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(land, {
        interactive: false,
        style: { color: "#9aa5b1", weight: 0.6, fillColor: "#eef1f4", fillOpacity: 1 },
      }).addTo(map);
      state.countriesDrawn = true;
      document.body.dataset.map = "ready";
    } catch (e) {
      $("#status").textContent = "map data failed: " + e.message;
    }
  }

  function drawMarkers(events) {
    state.markers.clearLayers();
    const bounds = [];
    for (const ev of events) {
      if (ev.place_lat === null || ev.place_lon === null) continue;
      const f = ev.fatalities || 0;
      const marker = L.circleMarker([ev.place_lat, ev.place_lon], {
        radius: 5 + 4 * Math.log10(1 + f),
        color: "#222", weight: 1, fillColor: typeColor(ev.event_type), fillOpacity: 0.75,
        className: "event-marker",
      });
      marker.bindPopup(() => eventPopup(ev));
      marker.addTo(state.markers);
      bounds.push([ev.place_lat, ev.place_lon]);
    }
    if (bounds.length) state.map.fitBounds(bounds, { padding: [40, 40], maxZoom: 6 });
  }

  function eventPopup(ev) {
    return el("div", { class: "popup" },
      el("strong", {}, ev.event_type + (ev.sub_event_type ? " — " + ev.sub_event_type : "")),
      el("div", {}, [ev.actor1, ev.target].filter(Boolean).join(" → ")),
      el("div", {}, `${ev.place_name || "?"} · ${ev.day || "undated"}`,
        ev.fatalities ? ` · ${fmt(ev.fatalities)} killed` : ""),
      el("q", {}, ev.evidence || ""),
      el("div", {}, el("a", { href: articleHref(ev.article_id, ev.id) }, ev.outlet || "article")));
  }

  // -- timeline with a hand-written brush ------------------------------------------------
  const dayNum = (iso) => Date.parse(iso + "T00:00:00Z") / DAY_MS;
  const isoDay = (n) => new Date(n * DAY_MS).toISOString().slice(0, 10);
  let scale = null;

  function drawTimeline() {
    const box = $("#timeline-svg");
    box.replaceChildren();
    const days = [...state.events.map((e) => e.day), ...state.claims.map((c) => c.day)]
      .filter(Boolean).map(dayNum);
    const width = box.clientWidth || 600, height = 110, pad = { l: 30, r: 10, t: 8, b: 20 };
    box.setAttribute("viewBox", `0 0 ${width} ${height}`);
    if (!days.length) {
      scale = null;
      box.append(Object.assign(svg("text", { x: 10, y: 40 }), { textContent: "no dated events" }));
      return;
    }
    const d0 = Math.min(...days), d1 = Math.max(...days) + 1;
    const perDay = new Map();
    for (const ev of state.events) {
      if (!ev.day) continue;
      const b = perDay.get(ev.day) || { events: 0, fatalities: 0 };
      b.events += 1;
      b.fatalities += ev.fatalities || 0;
      perDay.set(ev.day, b);
    }
    const maxEv = Math.max(1, ...[...perDay.values()].map((b) => b.events));
    const maxF = Math.max(1, ...[...perDay.values()].map((b) => b.fatalities));
    const w = width - pad.l - pad.r, h = height - pad.t - pad.b;
    const x = (d) => pad.l + ((d - d0) / (d1 - d0)) * w;
    scale = { x, d0, d1, pad, w, h, width, height };
    const bw = Math.max(2, w / (d1 - d0) - 2);
    box.append(svg("line", { x1: pad.l, x2: width - pad.r, y1: pad.t + h, y2: pad.t + h, class: "axis" }));
    for (const [day, b] of perDay) {
      const bh = (b.events / maxEv) * h;
      const bar = svg("rect", {
        x: x(dayNum(day)) + 1, y: pad.t + h - bh, width: bw, height: bh, class: "bar",
        "data-day": day,
      });
      const tip = svg("title", {});
      tip.textContent = `${day}: ${b.events} events, ${b.fatalities} fatalities`;
      bar.append(tip);
      box.append(bar);
      if (b.fatalities) {
        box.append(svg("circle", {
          cx: x(dayNum(day)) + 1 + bw / 2, cy: pad.t + h - (b.fatalities / maxF) * h, r: 4,
          class: "fatal-dot",
        }));
      }
    }
    const ticks = Math.min(d1 - d0, Math.max(2, Math.floor(w / 90)));
    const tickDays = new Set();
    for (let i = 0; i <= ticks; i++) tickDays.add(Math.round(d0 + ((d1 - d0 - 1) * i) / Math.max(1, ticks)));
    for (const d of tickDays) {
      const t = svg("text", { x: x(d) + bw / 2 + 1, y: height - 4, class: "tick" });
      t.textContent = isoDay(d).slice(5);
      box.append(t);
    }
    const sel = svg("rect", { class: "brush-selection", x: 0, y: pad.t, width: 0, height: h });
    box.append(sel);
    if (state.range) paintBrush(dayNum(state.range[0]), dayNum(state.range[1]) + 1);
  }

  function paintBrush(a, b) {
    const sel = document.querySelector("#timeline-svg .brush-selection");
    if (!sel || !scale) return;
    sel.setAttribute("x", scale.x(a));
    sel.setAttribute("width", Math.max(0, scale.x(b) - scale.x(a)));
    for (const bar of document.querySelectorAll("#timeline-svg .bar")) {
      const d = dayNum(bar.dataset.day);
      bar.classList.toggle("out", b - a >= 1 && (d < Math.floor(a) || d >= Math.ceil(b)));
    }
  }

  function initBrush() {
    const box = $("#timeline-svg");
    let start = null;
    const toDay = (evt) => {
      const r = box.getBoundingClientRect();
      const px = ((evt.clientX - r.left) / r.width) * scale.width;
      const frac = (px - scale.pad.l) / scale.w;
      return Math.min(scale.d1, Math.max(scale.d0, scale.d0 + frac * (scale.d1 - scale.d0)));
    };
    box.addEventListener("pointerdown", (evt) => {
      if (!scale) return;
      start = toDay(evt);
      box.setPointerCapture(evt.pointerId);
      paintBrush(start, start);
    });
    box.addEventListener("pointermove", (evt) => {
      if (start === null) return;
      const d = toDay(evt);
      paintBrush(Math.min(start, d), Math.max(start, d));
    });
    box.addEventListener("pointerup", (evt) => {
      if (start === null) return;
      const d = toDay(evt);
      const a = Math.floor(Math.min(start, d)), b = Math.ceil(Math.max(start, d));
      start = null;
      if (b - a < 1 || Math.abs(scale.x(d) - scale.x(a)) < 1) return setRange(null);
      setRange([isoDay(a), isoDay(b - 1)]);
    });
    $("#clear-brush").addEventListener("click", () => setRange(null));
  }

  function setRange(range) {
    state.range = range;
    if (!range) paintBrush(0, 0);
    else paintBrush(dayNum(range[0]), dayNum(range[1]) + 1);
    $("#selection-label").textContent = range
      ? (range[0] === range[1] ? range[0] : `${range[0]} – ${range[1]}`) : "all days";
    $("#clear-brush").hidden = !range;
    render();
  }

  // -- cards, tallies, contradictions -----------------------------------------------------
  function figure(c) {
    const n = c.count !== null ? fmt(c.count)
      : c.low !== null ? `${fmt(c.low)}–${fmt(c.high)}` : "some";
    return [c.hedge, n, c.kind].filter(Boolean).join(" ");
  }

  function claimCard(c) {
    return el("article", { class: "claim-card", dataset: { day: c.day || "", id: c.id } },
      el("div", { class: "figure" }, figure(c),
        c.victims ? el("span", { class: "victims" }, " " + c.victims) : null),
      el("div", { class: "facts" },
        el("span", { class: "place" }, c.place_name || "unknown place"),
        el("span", { class: "day" }, c.day || "undated"),
        c.scope === "cumulative" ? el("span", { class: "tag" }, "cumulative") : null,
        c.stance !== "reports" ? el("span", { class: "tag" }, c.stance) : null),
      el("blockquote", { class: "evidence" }, c.evidence || ""),
      el("div", { class: "source" },
        "according to ", el("strong", {}, c.source || "unattributed"),
        " · ", el("span", { class: "outlet" }, c.outlet || "unknown outlet"),
        " · ", el("a", { href: articleHref(c.article_id, c.id), class: "open-article" }, "read in article")));
  }

  function tallyRow(t) {
    const lineage = el("details", { class: "lineage" },
      el("summary", {}, `${t.n_claims} claim${t.n_claims === 1 ? "" : "s"} from ${t.n_articles} article${t.n_articles === 1 ? "" : "s"}`),
      el("ul", {}, t.lineage.map((l) => el("li", {},
        el("strong", {}, [l.hedge, fmt(l.count)].filter(Boolean).join(" ")), " — ",
        l.source || "unattributed", " via ", l.outlet || "?", " ",
        el("a", { href: articleHref(l.article_id, l.claim_id) }, "source")))));
    return el("div", { class: "tally", dataset: { day: t.day || "" } },
      el("div", { class: "tally-head" },
        el("span", { class: "kind" }, `${t.kind} — ${t.place.name || "unknown place"}`),
        el("span", { class: "when" }, (t.day || "undated") + (t.scope && t.scope !== "incident" ? ` (running total, ${t.scope})` : ""))),
      el("div", { class: "lbh" },
        el("span", { title: "low" }, fmt(t.low)), el("span", { class: "best", title: "best" }, fmt(t.best)),
        el("span", { title: "high" }, t.high === null ? "open" : fmt(t.high))),
      lineage);
  }

  function side(s) {
    return el("div", { class: "side-claim" },
      el("div", { class: "who" }, el("strong", {}, s.source || "unattributed"),
        ` (${s.stance || "reports"}) · ${s.outlet || "?"} · ${s.day || "undated"}`),
      s.count !== null && s.count !== undefined
        ? el("div", { class: "figure" }, [s.hedge, fmt(s.count)].filter(Boolean).join(" ")) : null,
      el("blockquote", {}, s.text || s.evidence || ""),
      el("a", { href: articleHref(s.article_id, s.id) }, "read in article"));
  }

  function render() {
    const claims = state.claims.filter((c) => inRange(c.day));
    const events = state.events.filter((e) => inRange(e.day));
    const tallies = state.tallies.filter((t) => inRange(t.day));
    const contra = state.contradictions.filter((k) => inRange(k.a.day) || inRange(k.b.day));
    drawMarkers(events);
    $("#cards").replaceChildren(...(claims.length ? claims.map(claimCard)
      : [el("p", { class: "empty" }, "No casualty claims in this selection.")]));
    $("#claim-count").textContent = `(${claims.length})`;
    $("#tallies").replaceChildren(...(tallies.length ? tallies.map(tallyRow)
      : [el("p", { class: "empty" }, "No tallies in this selection.")]));
    $("#contradictions").replaceChildren(...(contra.length
      ? contra.map((k) => el("div", { class: "contradiction" },
        el("div", { class: "topic" }, `${k.type}: ${k.topic || ""}`),
        el("div", { class: "pair" }, side(k.a), side(k.b))))
      : [el("p", { class: "empty" }, "Nothing disputed in this selection.")]));
    document.body.dataset.events = String(events.length);
  }

  // -- article view with highlighted extractions -----------------------------------------
  const KINDS = [
    ["claims", "casualty", "casualty claim"],
    ["statements", "statement", "attributed statement"],
    ["events", "event", "event"],
    ["quotes", "quote", "quotation"],
    ["places", "place", "place"],
    ["times", "time", "time"],
    ["entities", "entity", "entity"],
  ];

  // An unresolved place's readings: "Hryhorivka (UA, 48%), ...".
  function candidateList(it) {
    return it.candidates.map((c) => `${c.name} (${[c.country, Math.round(100 * (c.score || 0)) + "%"]
      .filter(Boolean).join(", ")})`).join("; ");
  }

  function spansOf(art) {
    const spans = [];
    for (const [key, cls, label] of KINDS) {
      for (const it of art[key] || []) {
        if (typeof it.start !== "number" || typeof it.end !== "number" || it.end <= it.start) continue;
        const what = it.kind ? `${label}: ${figure(it)}` : it.event_type ? `${label}: ${it.event_type}`
          : it.value ? `${label}: ${it.value}` : it.name ? `${label}: ${it.name}`
          : it.candidates && it.candidates.length ? `${label} (unresolved), perhaps: ${candidateList(it)}`
          : it.label ? `${label}: ${it.label}` : label;
        spans.push({ start: it.start, end: it.end, cls, id: it.id || null, what });
        if (cls === "quote" && typeof it.speaker_start === "number") {
          spans.push({ start: it.speaker_start, end: it.speaker_end, cls: "speaker", id: null,
            what: "speaker" });
        }
      }
    }
    return spans;
  }

  function highlighted(text, spans, focus) {
    const cuts = new Set([0, text.length]);
    for (const s of spans) { cuts.add(Math.max(0, s.start)); cuts.add(Math.min(text.length, s.end)); }
    const points = [...cuts].sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i < points.length - 1; i++) {
      const a = points[i], b = points[i + 1];
      const piece = text.slice(a, b);
      const over = spans.filter((s) => s.start <= a && s.end >= b);
      if (!over.length) { out.push(document.createTextNode(piece)); continue; }
      const classes = new Set(over.map((s) => "hl-" + s.cls));
      if (focus && over.some((s) => s.id === focus)) classes.add("focus");
      out.push(el("mark", { class: "hl " + [...classes].join(" "),
        title: over.map((s) => s.what).join("\n"),
        dataset: { ids: over.map((s) => s.id).filter(Boolean).join(" ") } }, piece));
    }
    return out;
  }

  async function showArticle(id, focus) {
    $("#dashboard").hidden = true;
    const view = $("#article-view");
    view.hidden = false;
    $("#article-text").replaceChildren("loading…");
    let art;
    try {
      art = await getJSON("/api/articles/" + encodeURIComponent(id));
    } catch (e) {
      $("#article-text").replaceChildren(el("p", { class: "error" }, e.message));
      return;
    }
    $("#article-title").textContent = art.title || "Article " + art.id;
    $("#article-meta").replaceChildren(
      [art.outlet || "unknown outlet", art.published || "undated"].join(" · "), " ",
      art.url && /^https?:\/\//i.test(art.url) ? el("a", { href: art.url, rel: "noopener noreferrer" }, "original") : "");
    $("#legend").replaceChildren(...KINDS.map(([, cls, label]) => el("mark", { class: "hl hl-" + cls }, label)));
    $("#article-text").replaceChildren(...highlighted(art.text || "", spansOf(art), focus));
    $("#article-items").replaceChildren(
      el("h3", {}, `Casualty claims (${art.claims.length})`),
      ...art.claims.map((c) => claimCard({ ...c, outlet: art.outlet, day: c.date || c.as_of || art.published })),
      el("h3", {}, `Events (${art.events.length})`),
      el("ul", { class: "event-list" }, art.events.map((e) => el("li", {},
        el("span", { class: "swatch", style: `background:${typeColor(e.event_type)}` }),
        `${e.event_type}${e.sub_event_type ? " — " + e.sub_event_type : ""} · ${e.place_name || "?"}`))),
      el("h3", {}, `Quotes (${art.quotes.length})`),
      el("ul", {}, art.quotes.map((q) => el("li", {}, el("q", {}, q.text), " — ", q.speaker || "unknown"))));
    const target = document.querySelector("#article-text mark.focus");
    if (target) target.scrollIntoView({ block: "center" });
    document.body.dataset.view = "article";
  }

  function route() {
    const m = location.hash.match(/^#\/article\/([^/]+)(?:\/(.+))?$/);
    if (m) return showArticle(decodeURIComponent(m[1]), m[2] ? decodeURIComponent(m[2]) : null);
    $("#article-view").hidden = true;
    $("#dashboard").hidden = false;
    document.body.dataset.view = "dashboard";
    if (state.map) state.map.invalidateSize();
  }

  // -- start ------------------------------------------------------------------------------
  document.addEventListener("DOMContentLoaded", async () => {
    $("#filters").addEventListener("submit", (e) => { e.preventDefault(); state.range = null; setRange(null); load(); });
    window.addEventListener("hashchange", route);
    window.addEventListener("resize", () => { if (state.events.length) drawTimeline(); });
    initBrush();
    await initMap();
    await load();
    route();
    await pollChanges();
    window.setInterval(pollChanges, 5000);
    document.body.dataset.ready = "1";
  });
})();
