"use strict";
const $ = (s) => document.querySelector(s);
const esc = (v) => String(v ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
const json = async (url, options) => {
  const r = await fetch(url, options);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
};

function show(view) {
  for (const v of ["centre", "areas", "whatif"]) $("#view-" + v).hidden = v !== view;
  for (const a of document.querySelectorAll("nav a")) a.classList.toggle("active", a.dataset.view === view);
  if (view === "areas") loadAreas();
}

let searchTimer;
$("#q").addEventListener("input", () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(search, 150);
});

async function search() {
  const q = $("#q").value.trim();
  const list = $("#results");
  if (!q) { list.innerHTML = ""; return; }
  const found = await json("/api/centres?q=" + encodeURIComponent(q));
  list.innerHTML = found.length ? found.map((c) =>
    `<li><button class="result" data-code="${esc(c.code)}">${esc(c.code)} · ${esc(c.name)} <span class="muted">${esc(c.kind)}, ${esc(c.locality)}</span></button></li>`).join("")
    : `<li class="muted">No centre matches · ningún centro</li>`;
  for (const b of list.querySelectorAll("button")) b.addEventListener("click", () => openCentre(b.dataset.code));
}

async function openCentre(code) {
  show("centre");
  const hash = "#centre/" + encodeURIComponent(code);
  if (location.hash !== hash) { location.hash = hash; return; } // the hashchange opens it
  let doc;
  try {
    doc = await json("/api/centres/" + encodeURIComponent(code));
  } catch {
    $("#card").hidden = true;
    $("#results").innerHTML = `<li class="muted">No such centre: ${esc(code)} · no existe ese centro</li>`;
    return;
  }
  const c = doc.centres[0];
  $("#card").hidden = false;
  $("#card-title").textContent = `${c.code} ${c.name}`;
  const stages = Object.entries(c.indicators).map(([s, i]) => `${s}: ${i.compensatory} compensatory of ${i.pupils} pupils`).join(" · ");
  $("#card-facts").textContent = `${c.ownership} ${c.kind}, ${c.locality} (${c.area}) · ${stages}` + (c.preferred_action ? " · preferred-action centre (centro de actuación preferente)" : "");
  const plan = Object.fromEntries(doc.plan.map((p) => [p.resource, p]));
  const rows = c.resources.map((r) => {
    const p = plan[r.resource] || { allocated: r.entitled, reason: "" };
    return `<tr class="${p.allocated < r.entitled ? "short" : ""}"><td>${esc(r.resource)}</td><td class="n">${r.entitled}</td><td class="n">${p.allocated}</td><td>${esc(r.rules)}</td><td>${esc(p.reason || r.reason)}</td></tr>`;
  });
  $("#resources tbody").innerHTML = rows.join("") || `<tr><td colspan="5" class="muted">No entitlement · sin dotación</td></tr>`;
  $("#itinerants").innerHTML = doc.itinerants.map((t) => `<p>Itinerant teacher ${esc(t.teacher)} (${esc(t.stage)}): ${esc(t.centres)}, days ${esc(t.days)}${t.free_days ? `, ${t.free_days} free` : ""}</p>`).join("");
  $("#edges").innerHTML = c.cliff_edges.map((e) => `<li>${esc(e.text)}</li>`).join("") || `<li class="muted">No threshold within one pupil · ningún umbral a un alumno</li>`;
  $("#trace tbody").innerHTML = c.trace.map((t) =>
    `<tr class="${t.applied ? "" : "no"}"><td>${esc(t.rule)}</td><td>${esc(t.instruction)}</td><td>${t.applied ? "yes · sí" : "no"}</td><td lang="es">${esc(t.text)}</td><td class="reading">${esc(t.reading)}</td><td>${esc(t.because)}</td></tr>`).join("");
}

let areaData;
async function loadAreas() {
  areaData = areaData || await json("/api/areas");
  $("#status").textContent = "Plan status: " + areaData.status;
  const areas = [...new Set(areaData.totals.map((t) => t.area))];
  const select = $("#area");
  if (!select.options.length) {
    select.innerHTML = areas.map((a) => `<option>${esc(a)}</option>`).join("");
    select.addEventListener("change", drawArea);
  }
  drawArea();
}

function drawArea() {
  const area = $("#area").value;
  $("#totals tbody").innerHTML = areaData.totals.filter((t) => t.area === area).map((t) =>
    `<tr class="${t.shortfall > 0 ? "short" : ""}"><td>${esc(t.resource)}</td><td class="n">${t.entitled}</td><td class="n">${t.allocated}</td><td class="n">${t.shortfall}</td><td class="n">${Number(t.cost).toLocaleString("en")}</td></tr>`).join("");
  const pts = areaData.centres.filter((c) => c.area === area);
  const svg = $("#map");
  if (!pts.length) { svg.innerHTML = `<text x="20" y="40">No coordinates in this area</text>`; return; }
  const lats = pts.map((p) => p.lat), lons = pts.map((p) => p.lon);
  const [a, b, c, d] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const x = (lon) => 20 + (b === a ? 280 : (lon - a) / (b - a) * 560);
  const y = (lat) => 380 - (d === c ? 180 : (lat - c) / (d - c) * 360);
  svg.innerHTML = pts.map((p) =>
    `<circle cx="${x(p.lon).toFixed(1)}" cy="${y(p.lat).toFixed(1)}" r="${(3 + 12 * Math.sqrt(p.share)).toFixed(1)}" class="${p.shortfall > 0 ? "short" : ""}" data-code="${esc(p.code)}"><title>${esc(p.code)} ${esc(p.name)}: ${(p.share * 100).toFixed(1)}% compensatory, shortfall ${p.shortfall}</title></circle>`).join("");
  for (const el of svg.querySelectorAll("circle")) el.addEventListener("click", () => openCentre(el.dataset.code));
}

$("#whatif").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const out = $("#whatif-result");
  const policy = {};
  for (const input of ev.target.querySelectorAll("input")) policy[input.name] = Number(input.value);
  out.textContent = "Computing… · Calculando…";
  try {
    const r = await json("/api/what-if", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ policy }) });
    const cost = r.areas.reduce((s, a) => s + a.delta_cost, 0);
    const full = r.areas.reduce((s, a) => s + a.delta_entitled_cost, 0);
    out.innerHTML = `<p id="whatif-summary">${r.areas.length} area rows and ${r.centres.length} centre rows change; funding the entitlement in full ${full >= 0 ? "+" : ""}${full.toLocaleString("en")} € a year, what the pools allocate ${cost >= 0 ? "+" : ""}${cost.toLocaleString("en")} € a year (variant ${esc(r.status)}).</p>`
      + `<table><thead><tr><th>area</th><th>resource</th><th>entitled</th><th>allocated</th><th>Δ cost</th></tr></thead><tbody>`
      + r.areas.map((a) => `<tr><td>${esc(a.area)}</td><td>${esc(a.resource)}</td><td class="n">${a.base_entitled} → ${a.variant_entitled}</td><td class="n">${a.base_allocated} → ${a.variant_allocated}</td><td class="n">${a.delta_cost.toLocaleString("en")}</td></tr>`).join("")
      + `</tbody></table><table><thead><tr><th>centre</th><th>resource</th><th>entitled</th><th>allocated</th><th>why</th></tr></thead><tbody>`
      + r.centres.slice(0, 200).map((c) => `<tr><td>${esc(c.code)}</td><td>${esc(c.resource)}</td><td class="n">${c.base_entitled} → ${c.variant_entitled}</td><td class="n">${c.base_allocated} → ${c.variant_allocated}</td><td>${esc(c.reason)}</td></tr>`).join("")
      + `</tbody></table>`;
  } catch (e) {
    out.innerHTML = `<p class="error">${esc(e.message)}</p>`;
  }
});

// The address is the state: a pasted link, the back button and an edited hash all show what they name.
function route() {
  const m = location.hash.match(/^#centre\/(.+)$/);
  if (m) openCentre(decodeURIComponent(m[1]));
  else show(location.hash === "#areas" ? "areas" : location.hash === "#whatif" ? "whatif" : "centre");
}
for (const a of document.querySelectorAll("nav a")) a.addEventListener("click", (e) => { e.preventDefault(); location.hash = a.dataset.view === "centre" ? "" : a.dataset.view; });
window.addEventListener("hashchange", route);
route();
// The placeholder names a centre of the scenario served, not one of another region.
json("/api/centres?q=").then((found) => {
  const c = found[Math.floor(found.length / 2)];
  if (c) $("#q").placeholder = `e.g. ${c.code}, ${c.name.toLowerCase()}, ${c.locality.split("/")[0]}`;
}).catch(() => {});
