"use strict";
const $ = (s) => document.querySelector(s);
const esc = (v) => String(v ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
const json = async (url, options) => {
  const r = await fetch(url, options);
  const body = r.status === 204 ? {} : await r.json();
  if (!r.ok) {
    const e = new Error(body.error || r.statusText);
    e.status = r.status;
    e.conflicts = body.conflicts || [];
    throw e;
  }
  return body;
};
// Who is signed in, what they may do, and the antiforgery token every change carries.
let session = { antiforgery: "", workspace: false, can_plan: false };
const send = (method, url, body) => json(url, { method, headers: { "content-type": "application/json", "X-CSRF-TOKEN": session.antiforgery }, body: method === "DELETE" ? undefined : JSON.stringify(body || {}) });
const problem = (e) => esc(e.message) + (e.conflicts && e.conflicts.length ? "<ul>" + e.conflicts.map((c) => `<li>${esc(c)}</li>`).join("") + "</ul>" : "");
// The run the card and the areas show (serve --db): the adopted one unless another is opened.
let currentRun = null, runsDoc = null;
const runQuery = () => (currentRun ? "?run=" + currentRun : "");
// Every text in the reader's language (GET /api/words: the page's texts, resource names, unit kinds, funding).
let words = {};
const word = (key) => words[key] || key;
// A text with its {0}, {1}… filled in; tc picks the form for one or for many (KEY.one, KEY.many).
const t = (key, ...args) => word(key).replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ""));
const tc = (n, key) => t(key + (n === 1 ? ".one" : ".many"), n);
// A resource in words with its file name beside it, for those who read the CSV files.
// The resource in words, its code beside them for who knows the files.
const resourceCell = (r) => `${esc(word(r))} <code class="muted">(${esc(r)})</code>`;
// The language: one a link names (?lang=es, then remembered), else the one chosen before, else the browser's.
const pageLanguage = () => {
  const asked = new URLSearchParams(location.search).get("lang");
  if (asked === "es" || asked === "en") localStorage.setItem("lang", asked);
  return localStorage.getItem("lang") || ((navigator.language || "es").startsWith("en") ? "en" : "es");
};
async function loadWords() {
  // The API answers every request in the language the cookie names (reasons, traces, messages).
  document.cookie = "lang=" + pageLanguage() + "; path=/; SameSite=Strict";
  words = await json("/api/words?lang=" + pageLanguage());
  document.documentElement.lang = words.lang;
  for (const b of document.querySelectorAll("#lang button")) b.classList.toggle("active", b.dataset.lang === words.lang);
  for (const el of document.querySelectorAll("[data-t]")) el.textContent = t(el.dataset.t);
  for (const el of document.querySelectorAll("[data-t-placeholder]")) el.placeholder = t(el.dataset.tPlaceholder);
  for (const el of document.querySelectorAll("[data-t-aria]")) el.setAttribute("aria-label", t(el.dataset.tAria));
}
// A number as a person types it, by the rules of the program's TypedNumber: "0,9" and "0.9" are 0.9, "1.234,5"
// and "1,234.5" are 1234.5; "1,000" reads two ways (1 or 1000) and is refused naming both, never guessed.
// A stored moment (ISO, UTC) in the reader's local time and words: "7 dic 2026, 18:22" / "7 Dec 2026, 18:22".
function moment(iso) {
  const when = new Date(iso);
  if (isNaN(when)) return iso;
  const months = document.documentElement.lang === "es"
    ? ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"]
    : ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"];
  const two = n => String(n).padStart(2, "0");
  return `${when.getDate()} ${months[when.getMonth()]} ${when.getFullYear()}, ${two(when.getHours())}:${two(when.getMinutes())}`;
}

function readTyped(text) {
  const typed = String(text).trim();
  if (!/^[-+]?(\d[\d.,]*\d|\d|[.,]\d+)$/.test(typed)) return { error: t("ui.number.invalid", text) };
  const sign = typed.startsWith("-") ? -1 : 1, body = typed.replace(/^[-+]/, "");
  const grouped = (digits, g) => { const parts = digits.split(g); return parts[0].length >= 1 && parts[0].length <= 3 && parts.slice(1).every((p) => p.length === 3); };
  const dots = (body.match(/\./g) || []).length, commas = (body.match(/,/g) || []).length;
  const bad = { error: t("ui.number.invalid", text) };
  if (dots && commas) {
    const mark = body.lastIndexOf(".") > body.lastIndexOf(",") ? "." : ",", group = mark === "." ? "," : ".";
    const cut = body.lastIndexOf(mark);
    if (body.slice(cut + 1).includes(group) || body.split(mark).length > 2 || !grouped(body.slice(0, cut), group)) return bad;
    return { value: sign * Number(body.slice(0, cut).split(group).join("") + "." + body.slice(cut + 1)) };
  }
  if (!dots && !commas) return { value: sign * Number(body) };
  const sep = dots ? "." : ",";
  if (dots + commas > 1) return grouped(body, sep) ? { value: sign * Number(body.split(sep).join("")) } : bad;
  const [whole, fraction] = body.split(sep);
  if (fraction.length === 3 && whole.length >= 1 && whole.length <= 3 && whole[0] !== "0") {
    const shown = (n) => (words.lang === "es" ? String(n).replace(".", ",") : String(n));
    return { error: t("ui.number.tworeadings", text, shown(sign * Number(whole + "." + fraction)), shown(sign * Number(whole + fraction))) };
  }
  return { value: sign * Number((whole || "0") + "." + fraction) };
}
const shortfallText = (list) => list.filter((u) => u.amount > 0).map((u) => `${u.amount} ${word(u.unit)}`).join(", ") || t("ui.none");

// Table headers from their words (col.NAME, the same words as the CSV files' headers).
const heads = (...names) => names.map((n) => `<th scope="col">${esc(t("col." + n))}</th>`).join("");

function show(view) {
  for (const v of ["centre", "region", "areas", "eoep", "whatif", "runs"]) $("#view-" + v).hidden = v !== view;
  for (const a of document.querySelectorAll("nav a")) a.classList.toggle("active", a.dataset.view === view);
  if (view === "areas") loadAreas();
  if (view === "region") loadRegion();
}

// The region: totals by unit kind, then areas, then centres with filters and sorting.
let regionData = null, regionRun, regionSort = { key: "posts", down: true };
const unitOf = (units, u) => units.find((x) => x.unit === u) || { entitled: 0, allocated: 0, shortfall: 0 };
const euros = (n) => Math.round(Number(n)).toLocaleString(words.lang === "en" ? "en-GB" : "es-ES") + " €";
async function loadRegion() {
  if (!regionData || regionRun !== currentRun) {
    regionData = await json("/api/region" + runQuery());
    regionRun = currentRun;
    $("#f-area").innerHTML = `<option value="" data-t="ui.all">${esc(t("ui.all"))}</option>` + [...new Set(regionData.centres.map((c) => c.area))].map((a) => `<option>${esc(a)}</option>`).join("");
  }
  $("#region-status").textContent = t("ui.status", word("status." + regionData.status));
  $("#region-totals tbody").innerHTML = regionData.totals.map((u) => `<tr class="${u.shortfall > 0 ? "short" : ""}"><td>${esc(word(u.unit))}</td><td class="n">${u.entitled}</td><td class="n">${u.allocated}</td><td class="n">${u.shortfall}</td><td class="n">${euros(u.cost)}</td></tr>`).join("");
  $("#region-areas tbody").innerHTML = regionData.areas.map((u) => `<tr class="${u.shortfall > 0 ? "short" : ""}"><td>${esc(u.area)}</td><td>${esc(word(u.unit))}</td><td class="n">${u.entitled}</td><td class="n">${u.allocated}</td><td class="n">${u.shortfall}</td><td class="n">${euros(u.cost)}</td></tr>`).join("");
  drawCentres();
}

function drawCentres() {
  const area = $("#f-area").value, kind = $("#f-kind").value, short = $("#f-short").checked;
  const town = $("#f-locality").value.trim().toLowerCase();
  const key = { posts: (c) => unitOf(c.units, "posts").shortfall, days: (c) => unitOf(c.units, "days a week").shortfall, shares: (c) => unitOf(c.units, "shares").shortfall, cost: (c) => c.cost };
  let rows = regionData.centres.filter((c) => (!area || c.area === area) && (!kind || c.kind === kind) && (!town || c.locality.toLowerCase().includes(town))
    && (!short || c.units.some((u) => u.shortfall > 0)));
  const k = regionSort.key, f = key[k] || ((c) => c[k]);
  rows.sort((a, b) => { const x = f(a), y = f(b); const c = x < y ? -1 : x > y ? 1 : a.code < b.code ? -1 : 1; return regionSort.down && key[k] ? -c : c; });
  const shown = rows.slice(0, 500);
  $("#region-count").textContent = tc(rows.length, "ui.count.centre") + (rows.length > shown.length ? " " + t("ui.region.shown", shown.length) : "");
  const cell = (c, u) => { const x = unitOf(c.units, u); return x.entitled ? t("ui.region.of", x.allocated, x.entitled) + (x.shortfall ? ` (−${x.shortfall})` : "") : ""; };
  $("#region-centres tbody").innerHTML = shown.map((c) => `<tr class="${c.units.some((u) => u.shortfall > 0) ? "short" : ""}" data-code="${esc(c.code)}"><td><a href="#centre/${encodeURIComponent(c.code)}">${esc(c.code)}</a></td><td>${esc(c.name)}</td><td>${esc(c.locality)}</td><td>${esc(c.area)}</td><td>${esc(c.kind)}</td><td class="n">${cell(c, "posts")}</td><td class="n">${cell(c, "days a week")}</td><td class="n">${cell(c, "shares")}</td><td class="n">${euros(c.cost)}</td></tr>`).join("");
}
for (const el of document.querySelectorAll("#region-filters select, #region-filters input")) el.addEventListener("input", drawCentres);
for (const th of document.querySelectorAll("#region-centres th[data-sort]")) th.addEventListener("click", () => {
  regionSort = { key: th.dataset.sort, down: regionSort.key === th.dataset.sort ? !regionSort.down : true };
  drawCentres();
});

// The EOEP week: a team's people by weekday, each cell the centre's name.
let eoepData = null, eoepRun;
async function loadEoep(team) {
  show("eoep");
  if (!eoepData || eoepRun !== currentRun) { eoepData = await json("/api/eoep" + runQuery()); eoepRun = currentRun; }
  const select = $("#eoep-team");
  if (!eoepData.teams.length) { $("#eoep-note").textContent = t("ui.eoep.none"); return; }
  select.innerHTML = eoepData.teams.map((team) => `<option value="${esc(team.eoep)}">${esc(team.name ? `${team.name} · ${team.eoep}` : team.eoep)} (${esc(team.area)})</option>`).join("");
  const shown = eoepData.teams.find((x) => x.eoep === team) || eoepData.teams[0];
  select.value = shown.eoep;
  $("#eoep-week tbody").innerHTML = shown.people.map((p) => `<tr><td>${esc(p.person)}</td><td>${esc(t("ui.role." + p.role))}</td>` + p.days.map((d) =>
    `<td>${d.centre ? `<a href="#centre/${encodeURIComponent(d.centre)}">${esc(d.name || d.centre)}</a>` : `<span class="muted">${esc(t(d.reserved ? "ui.eoep.reserved" : "ui.eoep.free"))}</span>`}</td>`).join("") + `</tr>`).join("")
    || `<tr><td colspan="7" class="muted">${esc(t("ui.eoep.nopeople"))}</td></tr>`;
  $("#eoep-note").textContent = shown.people.length && !shown.compensatory_days ? t("ui.eoep.nodays") : t("ui.eoep.note");
}
$("#eoep-team").addEventListener("change", () => { location.hash = "#eoep/" + encodeURIComponent($("#eoep-team").value); });

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
    : `<li class="muted">${esc(t("ui.search.none"))}</li>`;
  for (const b of list.querySelectorAll("button")) b.addEventListener("click", () => openCentre(b.dataset.code));
}

async function openCentre(code) {
  show("centre");
  const hash = "#centre/" + encodeURIComponent(code);
  if (location.hash !== hash) { location.hash = hash; return; } // the hashchange opens it
  let doc;
  try {
    doc = await json("/api/centres/" + encodeURIComponent(code) + runQuery());
  } catch {
    $("#card").hidden = true;
    $("#results").innerHTML = `<li class="muted">${esc(t("ui.search.nosuch", code))}</li>`;
    return;
  }
  const c = doc.centres[0];
  $("#card").hidden = false;
  $("#card-title").textContent = `${c.code} ${c.name}`;
  const stages = Object.entries(c.indicators).map(([s, i]) => t("ui.card.stage", t("ui.stage." + s), i.compensatory, i.pupils)).join(" · ");
  $("#card-facts").textContent = `${t("ui.card.kind", t("ui.card." + c.ownership), c.kind)}, ${c.locality} (${c.area}) · ${stages}` + (c.preferred_action ? " · " + t("ui.card.preferred") : "");
  const plan = Object.fromEntries(doc.plan.map((p) => [p.resource, p]));
  const rows = c.resources.map((r) => {
    const p = plan[r.resource] || { allocated: r.entitled, reason: "" };
    return `<tr class="${p.allocated < r.entitled ? "short" : ""}"><td>${resourceCell(r.resource)}</td><td class="n">${r.entitled}</td><td class="n">${p.allocated}</td><td>${esc(r.rules)}</td><td>${esc(p.reason || r.reason)}</td></tr>`;
  });
  $("#resources tbody").innerHTML = rows.join("") || `<tr><td colspan="5" class="muted">${esc(t("ui.card.noentitlement"))}</td></tr>`;
  $("#itinerants").innerHTML = doc.itinerants.map((i) => `<p>${esc(t("ui.card.itinerant", i.teacher, t("ui.stage." + i.stage), i.centres, i.days))}${i.free_days ? ", " + esc(t("ui.card.free", i.free_days)) : ""}</p>`).join("");
  $("#edges").innerHTML = c.cliff_edges.map((e) => `<li>${esc(e.text)}</li>`).join("") || `<li class="muted">${esc(t("ui.card.noedges"))}</li>`;
  $("#trace tbody").innerHTML = c.trace.map((r) =>
    `<tr class="${r.applied ? "" : "no"}"><td>${esc(r.rule)}</td><td>${esc(r.instruction)}</td><td>${esc(t(r.applied ? "ui.yes" : "ui.no"))}</td><td lang="es">${esc(r.text)}</td><td class="reading">${esc(r.reading)}</td><td>${esc(r.because)}</td></tr>`).join("");
  labelCells("#resources");
  labelCells("#trace");
  if (session.workspace) await showPins(code, doc);
}

// Each cell carries its column's name, for the folded layout on a phone.
function labelCells(table) {
  const names = [...document.querySelectorAll(table + " thead th")].map((th) => th.textContent);
  for (const tr of document.querySelectorAll(table + " tbody tr"))
    [...tr.children].forEach((td, i) => { if (names[i] && !td.hasAttribute("colspan")) td.dataset.label = names[i]; });
}

// Pins: decisions kept for the next run from the current one, then a re-plan solves with them.
async function showPins(code, doc) {
  const detail = await json("/api/runs/" + currentRun);
  $("#pins").hidden = false;
  $("#pin-form").dataset.code = code;
  $("#pin-form").dataset.pins = detail.pins.length;
  const mine = detail.pins.filter((p) => p.code === code || p.partner === code);
  $("#pin-list").innerHTML = mine.map((p) => `<li>${esc(p.text)} <button type="button" class="unpin" data-pin="${p.id}">${esc(t("ui.pins.remove"))}</button></li>`).join("")
    || `<li class="muted">${esc(t("ui.pins.none", currentRun))}</li>`;
  for (const b of $("#pin-list").querySelectorAll(".unpin")) b.addEventListener("click", async () => {
    try { await send("DELETE", `/api/runs/${currentRun}/pins/${b.dataset.pin}`); await showPins(code, doc); }
    catch (e) { $("#pin-message").innerHTML = `<span class="error">${problem(e)}</span>`; }
  });
  const resources = doc.plan.map((p) => p.resource);
  $("#pin-resource").innerHTML = resources.map((r) => `<option value="${esc(r)}">${esc(word(r))}</option>`).join("");
  for (const el of $("#pins").querySelectorAll("input, select, button")) el.disabled = !session.can_plan;
}

async function pin(pair) {
  const form = $("#pin-form"), msg = $("#pin-message");
  const body = { code: form.dataset.code, resource: $("#pin-resource").value, expected_pins: Number(form.dataset.pins) };
  if (pair) body.partner = $("#pin-partner").value.trim();
  else {
    const typed = readTyped($("#pin-amount").value);
    if (typed.error || !Number.isInteger(typed.value)) { msg.innerHTML = `<span class="error">${esc(typed.error || t("ui.number.whole", $("#pin-amount").value))}</span>`; return; }
    body.amount = typed.value;
  }
  try {
    const p = await send("POST", `/api/runs/${currentRun}/pins`, body);
    msg.innerHTML = `<span class="ok">${esc(t("ui.pins.pinned", p.text))}</span>`;
    await openCentre(form.dataset.code);
  } catch (e) {
    msg.innerHTML = `<span class="error">${problem(e)}</span>`;
  }
}
$("#pin-form").addEventListener("submit", (ev) => { ev.preventDefault(); pin(false); });
$("#pin-pair").addEventListener("click", () => pin(true));

// A re-plan waits its turn (one at a time), is solved, stored, and shown as a diff.
async function replan() {
  const status = (html) => { for (const el of document.querySelectorAll(".replan-status")) el.innerHTML = html; };
  let job;
  try { job = await send("POST", `/api/runs/${currentRun}/replan`, {}); }
  catch (e) { status(`<span class="error">${problem(e)}</span>`); return; }
  for (;;) {
    if (job.state === "queued") status(esc(t("ui.replan.queued", job.position)));
    else if (job.state === "solving") status(esc(t("ui.replan.solving", job.seconds)));
    else if (job.state === "done") { status(`<span class="ok">${esc(t("ui.replan.stored", job.run))}</span>`); location.hash = "#run/" + job.run; return; }
    else { status(`<span class="error">${esc(job.error)}${job.conflicts.length ? "<ul>" + job.conflicts.map((c) => `<li>${esc(c)}</li>`).join("") + "</ul>" : ""}</span>`); return; }
    await new Promise((r) => setTimeout(r, 400));
    job = await json("/api/jobs/" + job.id);
  }
}
for (const b of document.querySelectorAll(".replan")) b.addEventListener("click", replan);

async function loadRuns() {
  runsDoc = await json("/api/runs");
  $("#runs-scenario").textContent = t("ui.runs.scenario", runsDoc.scenario_name, runsDoc.adopted ? t("ui.runs.adopted", runsDoc.adopted.run, runsDoc.adopted.who, moment(runsDoc.adopted.adopted_at)) : t("ui.runs.noneadopted"));
  $("#runs tbody").innerHTML = runsDoc.runs.map((r) =>
    `<tr class="${r.adopted ? "adopted" : ""} ${r.id === currentRun ? "current" : ""}" data-run="${r.id}"><td>${r.id}</td><td>${r.adopted ? esc(t("col.adopted")) : ""}</td><td>${esc(r.name)}</td><td>${esc(moment(r.created_at))}</td><td>${esc(r.who)}</td><td>${esc(word("status." + r.status))}</td><td class="n">${r.pins}</td><td>${esc(shortfallText(r.shortfall))}</td><td><a href="#run/${r.id}">${esc(t("ui.runs.open"))}</a></td></tr>`).join("");
  showCurrent();
}

function showCurrent() {
  const r = runsDoc && runsDoc.runs.find((x) => x.id === currentRun);
  $("#current-run").hidden = !r;
  if (r) $("#current-run").textContent = t("ui.runs.current", r.id, r.name) + (r.adopted ? ` (${t("col.adopted")})` : "");
}

async function openRun(id) {
  show("runs");
  currentRun = id;
  areaData = null;
  regionData = null;
  eoepData = null;
  await loadRuns();
  let detail;
  try { detail = await json("/api/runs/" + id); }
  catch { $("#run-detail").hidden = true; $("#runs-scenario").textContent = t("ui.runs.nosuch", id); return; }
  const r = detail.run;
  $("#run-detail").hidden = false;
  $("#run-title").textContent = t("ui.runs.title", r.id, r.name);
  $("#run-facts").textContent = t("ui.runs.facts", word("status." + r.status), r.solver, r.who, moment(r.created_at)) + (r.parent ? t("ui.runs.from", r.parent) : "") + (r.note ? ` · ${r.note}` : "") + t("ui.runs.shortfall", shortfallText(r.shortfall));
  $("#run-name").value = r.name;
  $("#run-note").value = r.note;
  $("#download-zip").href = `/api/runs/${r.id}/plan.zip`;
  $("#download-xlsx").href = `/api/runs/${r.id}/plan.xlsx`;
  $("#download-notices").href = `/api/runs/${r.id}/notices.zip?lang=${words.lang}`;
  $("#adopt").disabled = r.adopted || !session.can_plan;
  $("#adopt").textContent = t(r.adopted ? "ui.runs.adoptedbutton" : "ui.runs.adopt");
  $("#adopt-message").textContent = "";
  $("#run-locks").innerHTML = detail.locks.map((l) => `<li><a href="#centre/${encodeURIComponent(l.code)}">${esc(l.code)}</a> ${esc(l.resource)} = ${l.amount}${l.partner ? esc(t("ui.runs.withpartner", l.partner)) : ""}</li>`).join("") || `<li class="muted">${esc(t("ui.none"))}</li>`;
  $("#run-pins").innerHTML = detail.pins.map((p) => `<li>${esc(p.text)} · <a href="#centre/${encodeURIComponent(p.code)}">${esc(p.code)}</a></li>`).join("") || `<li class="muted">${esc(t("ui.runs.nopins"))}</li>`;
  for (const el of $("#run-detail").querySelectorAll("#annotate input, #annotate button, #run-replan")) el.disabled = !session.can_plan;
  $("#diff-parent").innerHTML = r.parent ? await diffHtml(r.parent, r.id, t("ui.runs.againstparent", r.parent)) : "";
  const adopted = runsDoc.adopted && runsDoc.adopted.run;
  $("#diff-adopted").innerHTML = adopted && adopted !== r.id && adopted !== r.parent ? await diffHtml(adopted, r.id, t("ui.runs.againstadopted", adopted)) : "";
}

async function diffHtml(base, variant, title) {
  const d = await json(`/api/diff?base=${base}&variant=${variant}`);
  const centre = (code, name) => `<a href="#centre/${encodeURIComponent(code)}">${esc(code)}</a> ${esc(name)}`;
  return `<h4>${esc(title)}</h4>`
    + (d.centres.length + d.partners.length === 0 ? `<p class="muted">${esc(t("ui.runs.nothing"))}</p>` : "")
    + (d.centres.length ? `<div class="scroll" tabindex="0"><table class="diff"><thead><tr>${heads("centre", "resource", "allocated", "change", "why", "cause")}</tr></thead><tbody>`
      + d.centres.map((c) => `<tr><td>${centre(c.code, c.name)}</td><td>${resourceCell(c.resource)}</td><td class="n">${c.base_allocated} → ${c.variant_allocated}</td><td class="diff-${esc(c.change)}">${esc(t("ui.change." + c.change))}</td><td>${esc(c.reason)}</td><td>${esc(t("ui.cause." + c.cause))}</td></tr>`).join("")
      + `</tbody></table></div>` : "")
    + (d.partners.length ? `<div class="scroll" tabindex="0"><table class="partners"><thead><tr>${heads("centre", "stage", "partners_before", "partners_now", "cause")}</tr></thead><tbody>`
      + d.partners.map((p) => `<tr><td>${centre(p.code, p.name)}</td><td>${esc(t("ui.stage." + p.stage))}</td><td>${esc(p.before ?? t("ui.none"))}</td><td>${esc(p.after ?? t("ui.none"))}</td><td>${esc(t("ui.cause." + p.cause))}</td></tr>`).join("")
      + `</tbody></table></div>` : "");
}

// Adoption is deliberate: first what it replaces (the run adopted now, and what moves between the two, in words),
// then a note, then the confirmation.
$("#adopt").addEventListener("click", async () => {
  const adopted = runsDoc.adopted;
  let replaces = adopted ? t("ui.adopt.replaces", adopted.run, adopted.who, moment(adopted.adopted_at)) : t("ui.adopt.first");
  if (adopted && adopted.run !== currentRun) {
    const d = await json(`/api/diff?base=${adopted.run}&variant=${currentRun}`);
    replaces += " " + t("ui.adopt.difference", tc(d.centres.length, "ui.count.centrerow"), tc(d.partners.length, "ui.adopt.partners"));
  }
  $("#adopt-replaces").textContent = replaces;
  $("#adopt-note").value = $("#run-note").value;
  $("#adopt-confirm").hidden = false;
  $("#adopt-note").focus();
});
$("#adopt-no").addEventListener("click", () => { $("#adopt-confirm").hidden = true; $("#adopt").focus(); });
$("#adopt-yes").addEventListener("click", async () => {
  const note = $("#adopt-note").value.trim();
  if (!note) { $("#adopt-message").innerHTML = `<span class="error">${esc(t("ui.adopt.neednote"))}</span>`; $("#adopt-note").focus(); return; }
  const expected = runsDoc.adopted ? runsDoc.adopted.run : null;
  try {
    await send("POST", `/api/runs/${currentRun}/adopt`, { note, expected_adopted: expected });
    $("#adopt-confirm").hidden = true;
    await openRun(currentRun);
    $("#adopt-message").innerHTML = `<span class="ok">${esc(t("ui.runs.adoptedbutton"))}</span>`;
  } catch (e) {
    $("#adopt-message").innerHTML = `<span class="error">${problem(e)}</span>`;
  }
});

$("#annotate").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  try { await send("POST", `/api/runs/${currentRun}/annotate`, { name: $("#run-name").value, note: $("#run-note").value }); await openRun(currentRun); }
  catch (e) { $("#adopt-message").innerHTML = `<span class="error">${problem(e)}</span>`; }
});

let areaData;
async function loadAreas() {
  areaData = areaData || await json("/api/areas" + runQuery());
  $("#status").textContent = t("ui.status", word("status." + areaData.status));
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
    `<tr class="${t.shortfall > 0 ? "short" : ""}"><td>${resourceCell(t.resource)}</td><td class="n">${t.entitled}</td><td class="n">${t.allocated}</td><td class="n">${t.shortfall}</td><td class="n">${euros(t.cost)}</td></tr>`).join("");
  const pts = areaData.centres.filter((c) => c.area === area);
  const svg = $("#map");
  if (!pts.length) { svg.innerHTML = `<text x="20" y="40">${esc(t("ui.areas.nocoordinates"))}</text>`; return; }
  const lats = pts.map((p) => p.lat), lons = pts.map((p) => p.lon);
  const [a, b, c, d] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const x = (lon) => 20 + (b === a ? 280 : (lon - a) / (b - a) * 560);
  const y = (lat) => 380 - (d === c ? 180 : (lat - c) / (d - c) * 360);
  svg.innerHTML = pts.map((p) =>
    `<circle cx="${x(p.lon).toFixed(1)}" cy="${y(p.lat).toFixed(1)}" r="${(3 + 12 * Math.sqrt(p.share)).toFixed(1)}" class="${p.shortfall > 0 ? "short" : ""}" data-code="${esc(p.code)}"><title>${esc(t("ui.areas.dot", p.code, p.name, (p.share * 100).toFixed(1), p.shortfall))}</title></circle>`).join("");
  // The towns, each named once at the middle of its centres (the capital's districts by their own name).
  const towns = {};
  for (const p of pts) (towns[p.locality] = towns[p.locality] || []).push(p);
  svg.insertAdjacentHTML("beforeend", Object.entries(towns).map(([town, cs]) => {
    const cx = cs.reduce((s, c) => s + x(c.lon), 0) / cs.length, cy = cs.reduce((s, c) => s + y(c.lat), 0) / cs.length;
    return `<text class="town" x="${cx.toFixed(1)}" y="${(cy - 8).toFixed(1)}" text-anchor="middle">${esc(town.split("/").pop())}</text>`;
  }).join(""));
  for (const el of svg.querySelectorAll("circle")) el.addEventListener("click", () => openCentre(el.dataset.code));
}

// The what-if panel: the parameters with their unit and legal source; shares shown as percentages.
let parameters = [];
async function loadParameters() {
  if (parameters.length) return;
  parameters = await json("/api/parameters");
  $("#whatif-parameters").innerHTML = parameters.map((p) => {
    const value = p.percent ? +(Number(p.value) * 100).toFixed(4) : Number(p.value);
    const step = p.type === "integer" ? 1 : p.percent ? 0.5 : 0.05;
    const min = p.min === null ? "" : `min="${p.percent ? p.min * 100 : p.min}"`;
    const max = p.max === null ? "" : `max="${p.percent ? p.max * 100 : p.max}"`;
    const shown = words.lang === "es" ? String(value).replace(".", ",") : String(value);
    return `<label class="parameter"><span class="name">${esc(p.name)}</span> <input name="${esc(p.name)}" type="text" inputmode="decimal" ${min} ${max} data-step="${step}" value="${esc(shown)}" data-base="${esc(shown)}" data-percent="${p.percent}">${p.percent ? " %" : ""}`
      + `<span class="unit">${esc(p.unit)}</span><small class="source">${esc(p.source)}</small></label>`;
  }).join("");
}

// The parameters changed, read as the person typed them; a value that is not a number, or reads two ways, stops
// the what-if with its message instead of sending a different number.
function whatIfPolicy() {
  const policy = {};
  for (const input of $("#whatif-parameters").querySelectorAll("input")) {
    if (input.value.trim() === input.dataset.base) continue; // only what changes
    const typed = readTyped(input.value);
    if (typed.error) throw { message: `${input.name}: ${typed.error}` };
    policy[input.name] = input.dataset.percent === "true" ? +(typed.value / 100).toFixed(6) : typed.value;
  }
  return policy;
}

async function runWhatIf() {
  const out = $("#whatif-result");
  let policy;
  try { policy = whatIfPolicy(); } catch (e) { out.innerHTML = `<p class="error" role="alert">${esc(e.message)}</p>`; return; }
  out.textContent = t("ui.whatif.computing");
  try {
    const r = await json("/api/what-if" + runQuery(), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ policy }) });
    const cost = r.areas.reduce((s, a) => s + a.delta_cost, 0);
    const full = r.areas.reduce((s, a) => s + a.delta_entitled_cost, 0);
    const signed = (n) => (n >= 0 ? "+" : "") + euros(n);
    out.innerHTML = `<p id="whatif-summary">${esc(t("ui.whatif.summary", tc(r.areas.length, "ui.count.arearow"), tc(r.centres.length, "ui.count.centrerow"), signed(full), signed(cost), word("status." + r.status)))}</p>`
      + `<div class="scroll" tabindex="0"><table><thead><tr>${heads("area", "resource", "entitled", "allocated", "entitlementcost", "allocatedcost")}</tr></thead><tbody>`
      + r.areas.map((a) => `<tr><td>${esc(a.area)}</td><td>${resourceCell(a.resource)}</td><td class="n">${a.base_entitled} → ${a.variant_entitled}</td><td class="n">${a.base_allocated} → ${a.variant_allocated}</td><td class="n">${signed(a.delta_entitled_cost)}</td><td class="n">${signed(a.delta_cost)}</td></tr>`).join("")
      + `</tbody></table></div><div class="scroll" tabindex="0"><table><thead><tr>${heads("centre", "resource", "entitled", "allocated", "why")}</tr></thead><tbody>`
      + r.centres.slice(0, 200).map((c) => `<tr><td><a href="#centre/${encodeURIComponent(c.code)}">${esc(c.code)}</a> ${esc(c.name)}</td><td>${resourceCell(c.resource)}</td><td class="n">${c.base_entitled} → ${c.variant_entitled}</td><td class="n">${c.base_allocated} → ${c.variant_allocated}</td><td>${esc(c.reason)}</td></tr>`).join("")
      + `</tbody></table></div>`;
    const query = new URLSearchParams(Object.entries(policy).map(([k, v]) => [k, String(v)])).toString();
    $("#whatif-link").href = "#whatif?" + query;
    $("#whatif-links").hidden = false;
  } catch (e) {
    out.innerHTML = `<p class="error">${problem(e)}</p>`;
  }
}

$("#whatif").addEventListener("submit", (ev) => { ev.preventDefault(); runWhatIf(); });

async function downloadWhatIf(format) {
  let policy;
  try { policy = whatIfPolicy(); } catch (e) { $("#whatif-result").innerHTML = `<p class="error" role="alert">${esc(e.message)}</p>`; return; }
  const r = await fetch("/api/what-if?format=" + format + (currentRun ? "&run=" + currentRun : ""), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ policy }) });
  if (!r.ok) { $("#whatif-result").insertAdjacentHTML("afterbegin", `<p class="error">${esc(t("ui.whatif.downloadfailed", r.status))}</p>`); return; }
  const a = document.createElement("a");
  a.href = URL.createObjectURL(await r.blob());
  a.download = format === "xlsx" ? "what-if.xlsx" : "what-if-centres.csv";
  document.body.append(a);
  a.click();
  a.remove();
}
$("#whatif-csv").addEventListener("click", () => downloadWhatIf("csv"));
$("#whatif-xlsx").addEventListener("click", () => downloadWhatIf("xlsx"));

// A what-if link (#whatif?primary_ratio=20) fills the panel and runs it.
async function openWhatIf(query) {
  show("whatif");
  await loadParameters();
  const given = new URLSearchParams(query);
  for (const input of $("#whatif-parameters").querySelectorAll("input")) {
    if (!given.has(input.name)) continue;
    const typed = readTyped(given.get(input.name));
    const v = typed.error ? given.get(input.name) : input.dataset.percent === "true" ? +(typed.value * 100).toFixed(4) : typed.value;
    input.value = words.lang === "es" ? String(v).replace(".", ",") : String(v);
  }
  if ([...given.keys()].length) runWhatIf();
}

// The address is the state: a pasted link, the back button and an edited hash all show what they name.
function route() {
  const m = location.hash.match(/^#centre\/(.+)$/);
  const run = location.hash.match(/^#run\/(\d+)$/);
  if (m) openCentre(decodeURIComponent(m[1]));
  else if (run && session.workspace) openRun(Number(run[1]));
  else if (location.hash === "#runs" && session.workspace) { show("runs"); loadRuns(); }
  else if (location.hash.startsWith("#eoep")) loadEoep(decodeURIComponent(location.hash.slice(6)));
  else if (location.hash.startsWith("#whatif")) openWhatIf(location.hash.slice(8));
  else show(location.hash === "#areas" ? "areas" : location.hash === "#region" ? "region" : "centre");
}
for (const a of document.querySelectorAll("nav a")) a.addEventListener("click", (e) => { e.preventDefault(); location.hash = a.dataset.view === "centre" ? "" : a.dataset.view; });
window.addEventListener("hashchange", route);

function showSession() {
  const el = $("#session");
  el.textContent = session.name ? `${session.name} (${session.role})` : "";
  if (session.sign_in_required && session.name) {
    const b = document.createElement("button");
    b.textContent = t("ui.signout");
    b.addEventListener("click", async () => { await send("POST", "/api/sign-out"); location.reload(); });
    el.append(" ", b);
  }
}

$("#sign-in").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  try {
    await send("POST", "/api/sign-in", { name: ev.target.name.value, password: ev.target.password.value });
    location.reload();
  } catch (e) {
    $("#sign-in-error").textContent = e.status === 401 ? t("ui.signin.wrong") : e.message;
  }
});

for (const b of document.querySelectorAll("#lang button")) b.addEventListener("click", async () => {
  localStorage.setItem("lang", b.dataset.lang);
  await loadWords();
  areaData = null;
  regionData = null;
  eoepData = null;
  parameters = [];
  showSession();
  route();
  placeholder();
});

async function start() {
  await loadWords();
  session = await json("/api/session");
  showSession();
  if (session.sign_in_required && !session.name) {
    $("#sign-in").hidden = false;
    for (const v of document.querySelectorAll(".view")) v.hidden = true;
    return;
  }
  if (session.workspace) {
    $("#nav-runs").hidden = false;
    runsDoc = await json("/api/runs");
    currentRun = runsDoc.adopted ? runsDoc.adopted.run : (runsDoc.runs[0] ? runsDoc.runs[0].id : null);
    showCurrent();
  }
  route();
  placeholder();
}
start();
// The placeholder names a centre of the scenario served, not one of another region.
function placeholder() {
  json("/api/centres?q=").then((found) => {
    const c = found[Math.floor(found.length / 2)];
    if (c) $("#q").placeholder = t("ui.search.example", c.code, c.name.toLowerCase(), c.locality.split("/")[0]);
  }).catch(() => {});
}
