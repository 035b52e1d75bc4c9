// Many reports on one map (issue 9), the page's side: the Reports list (each report's title,
// date and source; rename it, correct its date, hide or remove it), "Add", the example series,
// the timeline under the map with its Play button, several files at once, and the set kept
// across a reload. The engine (src/web.rs) holds the set and works out each place's status as of
// the chosen date. Report text reaches the page only through textContent and input values.

const $ = (id) => document.getElementById(id);
const SERIES = ['2022-09-07-general-staff.txt', '2022-09-10-defence-ministry.txt', '2022-09-11-wire.txt',
  '2022-09-12-governor.txt', '2022-10-03-analyst.txt'];
const SET_KEY = 'frontline.reports';
// How long Play shows each date, ms.
const PLAY_STEP_MS = 1200;

// `page`: what app.js lends — the engine (`app`), `say`, `el`, `articleText` (empty, too long
// and HTML texts), `fetchText`, `decodeFile`, `sizeProblem` and `changed` (draws the places'
// list and details again).
export function wireReports(page) {
  const { app, say, el } = page;
  const list = $('reports');
  const slider = $('timeline');
  const play = $('play');
  // Each report's text and file name, in the engine's order, to keep the set across a reload.
  let texts = [];
  let playTimer = null;

  function save() {
    const reports = app.reports();
    const stored = texts.map((t, i) => ({ ...t, title: reports[i].title, date: reports[i].date, added: reports[i].added, hidden: reports[i].hidden }));
    try {
      localStorage.setItem(SET_KEY, JSON.stringify(stored));
    } catch {
      say('The browser refused to keep these reports (its storage is full or turned off): they stay on the map until the page is closed.', true);
    }
  }

  function reportRow(r, i, date) {
    const li = el('li');
    li.classList.toggle('later', r.date > date);
    li.classList.toggle('hidden-report', r.hidden);
    const title = el('input', 'title');
    title.type = 'text';
    title.value = r.title;
    title.dataset.index = String(i);
    title.setAttribute('aria-label', `Title of report ${i + 1}`);
    const day = el('input', 'date');
    day.type = 'date';
    day.value = r.date;
    day.dataset.index = String(i);
    day.setAttribute('aria-label', `Date of report ${i + 1}${r.added ? ' (the day it was added)' : ''}`);
    const meta = el('div', 'report-meta');
    meta.append(day);
    if (r.added) meta.append(el('span', 'added', '(added)'));
    if (r.source) meta.append(el('span', 'source', r.source));
    meta.append(el('span', 'count', `${r.places} place${r.places === 1 ? '' : 's'}`));
    const shown = el('input');
    shown.type = 'checkbox';
    shown.checked = !r.hidden;
    shown.dataset.index = String(i);
    const label = el('label', 'shown');
    label.append(shown, ' Shown');
    const remove = el('button', 'remove', 'Remove');
    remove.type = 'button';
    remove.dataset.index = String(i);
    remove.setAttribute('aria-label', `Remove report ${i + 1}`);
    meta.append(label, remove);
    li.append(title, meta);
    return li;
  }

  function renderReports() {
    const reports = app.reports();
    const date = app.date() ?? '';
    list.replaceChildren(...reports.map((r, i) => reportRow(r, i, date)));
    $('reports-count').textContent = `(${reports.length})`;
    // One article mapped alone keeps the page as it was before sets of reports.
    $('reports-pane').hidden = reports.length < 2;
  }

  function renderTimeline() {
    const dates = app.dates();
    const date = app.date();
    $('timeline-bar').hidden = dates.length < 2;
    slider.max = String(Math.max(dates.length - 1, 0));
    let at = dates.length - 1;
    while (at > 0 && dates[at] > date) at -= 1;
    slider.value = String(Math.max(at, 0));
    slider.setAttribute('aria-valuetext', date ?? '');
    $('timeline-date').textContent = date ?? '';
    $('timeline-ticks').replaceChildren(...dates.map((d, i) => {
      const o = el('option');
      o.value = String(i);
      o.label = d;
      return o;
    }));
  }

  // Draws everything the set shows again, and keeps the set.
  function render() {
    renderReports();
    renderTimeline();
  }

  function setChanged() {
    page.changed();
    render();
    save();
  }

  // Marks the reports dated after the map's date (without drawing the list again).
  function markLater() {
    const date = app.date() ?? '';
    for (const li of list.children) li.classList.toggle('later', li.querySelector('.date').value > date);
  }

  function showDate(iso) {
    app.set_date(iso);
    page.changed();
    markLater();
    renderTimeline();
  }

  // Adds `text` as a report (`what` names it in messages, `name` stands for it without a title
  // line, `date` its ISO date when given); returns how many places it names, or null.
  function addOne(text, what, name, date) {
    const article = page.articleText(text, what);
    if (article === null) return null;
    try {
      const n = app.add_report(article, name, date ?? undefined, date !== undefined && date !== null);
      texts.push({ text: article, name });
      return n;
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) throw e;
      say(e.message ?? String(e), true);
      return null;
    }
  }

  function add(text, what, name = 'A report', date = null) {
    const n = addOne(text, what, name, date);
    if (n === null) return 0;
    app.show_set();
    setChanged();
    const r = app.reports().at(-1);
    say(`Added “${r.title}” (${r.date}${r.added ? ', the day it was added' : ''}): ${n} place${n === 1 ? '' : 's'}. ${texts.length} reports on the map.`);
    return n;
  }

  // The set was replaced by one article ("Map it").
  function replaced(text) {
    texts = [{ text, name: 'The article' }];
    render();
    save();
  }

  async function loadSeries() {
    const bodies = await Promise.all(SERIES.map((f) => page.fetchText(`examples/series/${f}`)));
    app.clear_reports();
    texts = [];
    bodies.forEach((text, i) => addOne(text, `“${SERIES[i]}”`, SERIES[i]));
    app.show_set();
    setChanged();
    say(`${texts.length} reports added. Move the date under the map to see the places change.`);
  }

  // Adds several files as reports: each text file becomes one; a file that is not text or too
  // long is named in the message and the others still load.
  async function addFiles(files) {
    const refused = [];
    for (const file of files) {
      const what = `“${file.name}”`;
      const problem = page.sizeProblem(what, file.size);
      const text = problem ? null : page.decodeFile(new Uint8Array(await file.arrayBuffer()));
      if (problem) refused.push(problem);
      else if (text === null) refused.push(`${what} is not a text file.`);
      else if (addOne(text, what, file.name) === null) refused.push(`${what} could not be read.`);
    }
    app.show_set();
    setChanged();
    const added = files.length - refused.length;
    say(`${added} report${added === 1 ? '' : 's'} added. ${refused.join(' ')}`.trim(), refused.length > 0);
  }

  // Makes `stored` ([{text, name, title, date, added, hidden}], as saved or exported) the set.
  function load(stored) {
    app.clear_reports();
    texts = [];
    for (const s of stored) {
      try {
        app.add_report(String(s.text), String(s.name), s.date, !s.added);
      } catch (e) {
        if (e instanceof WebAssembly.RuntimeError) throw e;
        say(`A report could not be read back: ${e.message}`, true);
        continue;
      }
      texts.push({ text: String(s.text), name: String(s.name) });
      if (s.title) app.rename_report(texts.length - 1, String(s.title));
      if (s.hidden) app.set_report_hidden(texts.length - 1, true);
    }
    app.show_set();
  }

  // Reads back the set kept before the page was reloaded; false when there is no set of
  // several reports (one article comes back by app.js's own path).
  function restore() {
    let stored;
    try {
      stored = JSON.parse(localStorage.getItem(SET_KEY) ?? '[]');
    } catch {
      return false;
    }
    if (!Array.isArray(stored) || stored.length < 2) return false;
    load(stored);
    page.changed();
    render();
    say(`${texts.length} reports read back from the last visit.`);
    return true;
  }

  // Downloads `text` as a file called `name`.
  function download(text, name, type) {
    const a = el('a');
    a.href = URL.createObjectURL(new Blob([text], { type }));
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 0);
  }

  // The set as GeoJSON (the engine's features) with each report's text and how the reader left
  // it, so that Import makes the same set again.
  function exportGeojson() {
    const collection = JSON.parse(app.export_geojson());
    const reports = app.reports();
    collection.frontline_reports = texts.map((t, i) => ({ ...t, title: reports[i].title, date: reports[i].date, added: reports[i].added, hidden: reports[i].hidden }));
    download(JSON.stringify(collection, null, 1), `frontline-${app.date() ?? 'reports'}.geojson`, 'application/geo+json');
  }

  // Reads a GeoJSON that Export wrote back as the set, shown as of its date.
  async function importFile(file) {
    const what = `“${file.name}”`;
    let collection;
    try {
      collection = JSON.parse(page.decodeFile(new Uint8Array(await file.arrayBuffer())) ?? '');
    } catch {
      say(`${what} is not JSON. Import reads the GeoJSON that Export writes.`, true);
      return;
    }
    if (!Array.isArray(collection?.frontline_reports) || !collection.frontline_reports.length) {
      say(`${what} holds no reports' texts: Import reads the GeoJSON that Frontline's Export writes.`, true);
      return;
    }
    load(collection.frontline_reports);
    try {
      if (typeof collection.as_of === 'string') app.set_date(collection.as_of);
    } catch (e) {
      say(e.message ?? String(e), true);
    }
    setChanged();
    say(`${texts.length} reports imported from ${what}.`);
  }

  function wire() {
    list.addEventListener('change', (e) => {
      const i = Number(e.target.dataset.index);
      try {
        if (e.target.classList.contains('title')) app.rename_report(i, e.target.value);
        else if (e.target.classList.contains('date')) app.set_report_date(i, e.target.value);
        else if (e.target.type === 'checkbox') app.set_report_hidden(i, !e.target.checked);
      } catch (err) {
        say(err.message ?? String(err), true);
      }
      setChanged();
    });
    list.addEventListener('click', (e) => {
      if (!e.target.classList.contains('remove')) return;
      const i = Number(e.target.dataset.index);
      app.remove_report(i);
      texts.splice(i, 1);
      setChanged();
      $('reports-heading').focus?.();
    });
    slider.addEventListener('input', () => showDate(app.dates()[Number(slider.value)]));
    play.addEventListener('click', togglePlay);
    $('export-geojson').addEventListener('click', exportGeojson);
    $('export-csv').addEventListener('click', () => download(app.export_csv(), `frontline-${app.date() ?? 'reports'}.csv`, 'text/csv'));
    $('clear-reports').addEventListener('click', () => {
      if (!window.confirm('Remove every report from the map? This cannot be undone.')) return;
      app.clear_reports();
      texts = [];
      setChanged();
      say('All reports removed.');
    });
  }

  function stopPlay() {
    clearInterval(playTimer);
    playTimer = null;
    play.textContent = 'Play';
    play.setAttribute('aria-pressed', 'false');
  }

  function togglePlay() {
    if (playTimer !== null) {
      stopPlay();
      return;
    }
    const dates = app.dates();
    if (Number(slider.value) >= dates.length - 1) showDate(dates[0]);
    play.textContent = 'Pause';
    play.setAttribute('aria-pressed', 'true');
    playTimer = setInterval(() => {
      const next = Number(slider.value) + 1;
      if (next >= dates.length) {
        stopPlay();
        return;
      }
      showDate(dates[next]);
    }, PLAY_STEP_MS);
  }

  // One claim of a place's history: date, status, side and speaker, report, and the sentence
  // with the place marked.
  function claimBlock(c, tag) {
    const block = el(tag, 'claim');
    const meta = el('p', 'meta');
    meta.append(el('time', '', c.date), ' ', el('span', `status ${c.status}`, c.status));
    const who = [c.side ? `${c.side} side` : null, c.speaker].filter(Boolean).join(', ');
    if (who) meta.append(` ${who}`);
    block.append(meta, el('p', 'meta report', `In: ${c.report}`));
    if (c.sentence) {
      const p = el('p', 'sentence');
      for (const piece of c.sentence.pieces) p.append(piece.mark ? el('mark', '', piece.text) : document.createTextNode(piece.text));
      block.append(p);
    }
    return block;
  }

  // The history of place `i` over the set, for its details: the two sides' opposite claims side
  // by side when it is disputed, then every claim newest first. Nothing for one report.
  function history(i) {
    if (app.reports().length < 2) return [];
    const h = app.history(i);
    if (!h) return [];
    const parts = [];
    if (h.status === 'disputed') {
      const both = el('div', 'opposite');
      both.append(...h.deciding.map((c) => claimBlock(c, 'section')));
      parts.push(el('h4', '', `Disputed as of ${app.date()}: the two sides say`), both);
    }
    const entries = el('ol', 'history');
    entries.append(...h.history.map((c) => claimBlock(c, 'li')));
    parts.push(el('h4', '', `History (${h.history.length} report${h.history.length === 1 ? '' : 's'}, newest first)`), entries);
    return parts;
  }

  wire();
  return {
    history,
    add,
    addFiles,
    importFile,
    restore,
    replaced,
    loadSeries,
    render,
    api: {
      addArticle: (text, date) => add(String(text), 'This text', 'A report', date ?? null),
      reports: () => app.reports().map(({ title, date, source, added, hidden }) => ({ title, date, source: source ?? null, added, hidden })),
      setDate: (iso) => showDate(iso),
    },
  };
}
