// Frontline's page: wires DOM events to the wasm `App` and fills the side panel with
// textContent. All reading of articles and all drawing happen in Rust; article text never
// reaches innerHTML.
import init, { App, size_problem } from './pkg/frontline.js';
import { wireReports } from './reports.js';

const STORAGE_KEY = 'frontline.article';
// '1' while the stored article is an example as loaded, unchanged.
const EXAMPLE_KEY = 'frontline.article.example';
const LONG_ARTICLE_CHARS = 100_000;
const $ = (id) => document.getElementById(id);
const canvas = $('map');
const textarea = $('article');
const list = $('places');
const details = $('details');
const tooltip = $('tooltip');
const search = $('place-search');
const sortSelect = $('places-sort');
const legendBox = $('legend');
const cards = $('detail-cards');
const pinnedCard = $('pinned');
// The phone layout of style.css: the article box first, the details in a bottom sheet.
const phone = matchMedia('(max-width: 800px)');

let app = null;
// The set of reports on the map (reports.js).
let reports = null;
// The report's places as app.places() gives them, with `shown` kept by applyFilter.
let placeList = [];
// The statuses in legend order with their counts (app.legend()).
let legendRows = [];
const hiddenStatuses = new Set();
let mappedText = null;
// The text of the example last loaded, or null when the mapped article is the reader's own.
let pristine = null;
// The place pinned beside the selected one (its index), or null.
let pinned = null;
// What had the focus when the phone's bottom sheet opened, to give it back when it closes.
let sheetOpener = null;
const collator = new Intl.Collator(undefined, { sensitivity: 'base' });

// Shows the error banner; the first message (e.g. the panic hook's) is kept.
function showError(text) {
  const banner = $('error');
  if (!banner.hidden) return;
  banner.textContent = text;
  banner.hidden = false;
  document.body.dataset.state = 'error';
}

function say(text, isError = false) {
  const m = $('message');
  m.textContent = text;
  m.classList.toggle('error', isError);
}

window.addEventListener('error', (e) => showError(`Something went wrong: ${e.message}. Reload the page to start again.`));
window.addEventListener('unhandledrejection', (e) => showError(`Something went wrong: ${e.reason?.message ?? e.reason}. Reload the page to start again.`));

// Fetches a file of the page's own origin as bytes, unpacking it if it is gzip (a server may
// have unpacked it already).
async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// Fetches a file of the page's own origin as text (UTF-8), unpacking it if it is gzip.
async function fetchText(url) {
  return new TextDecoder().decode(await fetchBytes(url));
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

// Folds a name for the search: lower case, without accents or apostrophes.
const fold = (name) => name.normalize('NFD').replace(/[\p{M}'’ʼ‘`]/gu, '').toLowerCase();

// Whether place `p` passes the status filter and the search (its name or a spelling the article
// used contains `query`, folded).
function passes(p, query) {
  if (hiddenStatuses.has(p.status)) return false;
  return !query || [p.name, ...p.forms].some((n) => fold(n).includes(query));
}

// The places' indices in the order the sort select asks: the article's, by status (legend
// order) or by name; ties keep the article's order.
function sortedIndices() {
  const order = placeList.map((_, i) => i);
  const rank = (p) => legendRows.findIndex((r) => r.status === p.status);
  if (sortSelect.value === 'status') order.sort((a, b) => rank(placeList[a]) - rank(placeList[b]) || a - b);
  if (sortSelect.value === 'name') order.sort((a, b) => collator.compare(placeList[a].name, placeList[b].name) || a - b);
  return order;
}

const rowOf = (i) => (i === undefined || i === null ? null : list.querySelector(`button[data-index="${i}"]`));
const visibleRows = () => [...list.querySelectorAll('li:not([hidden]) button')];

// Scrolls the list, and nothing else (the page stays where the reader has it), to show `row`.
function revealRow(row) {
  if (!row) return;
  const r = row.getBoundingClientRect();
  const l = list.getBoundingClientRect();
  if (r.top < l.top) list.scrollTop -= l.top - r.top;
  else if (r.bottom > l.bottom) list.scrollTop += r.bottom - l.bottom;
}

// The list is one stop in the tab order: the selected row when it is shown, else the first.
function updateRoving() {
  const rows = visibleRows();
  const current = rows.find((b) => Number(b.dataset.index) === app.selected()) ?? rows[0];
  for (const b of list.querySelectorAll('button')) b.tabIndex = b === current ? 0 : -1;
}

// The canvas's text alternative: how many places, by status, and how many are shown.
function describeMap() {
  const n = placeList.length;
  if (!n) {
    canvas.setAttribute('aria-label', 'Map of Ukraine. No place is mapped.');
    return;
  }
  const counts = legendRows.filter((r) => r.count).map((r) => `${r.count} ${r.label.toLowerCase()}`).join(', ');
  const shown = placeList.filter((p) => p.shown).length;
  canvas.setAttribute('aria-label', `${n} place${n === 1 ? '' : 's'}: ${counts}.${shown < n ? ` ${shown} shown on the map.` : ''}`);
}

// Shows on the map and in the list only the places that pass the filter; a selected place that
// does not is unselected.
function applyFilter() {
  const hidden = [];
  const folded = fold(search.value.trim());
  placeList.forEach((p, i) => {
    p.shown = passes(p, folded);
    if (!p.shown) hidden.push(i);
  });
  app.set_hidden(Uint32Array.from(hidden));
  for (const b of list.querySelectorAll('button')) b.parentElement.hidden = !placeList[Number(b.dataset.index)].shown;
  const selected = app.selected();
  if (selected !== undefined && !placeList[selected].shown) selectIndex(null);
  const n = placeList.length;
  const shown = n - hidden.length;
  $('places-count').textContent = !n ? '' : shown < n ? `(${shown} of ${n})` : `(${n})`;
  const none = $('places-none');
  none.hidden = !n || shown > 0;
  const query = search.value.trim();
  none.textContent = query ? `No place matches “${query}” among the statuses shown.` : 'No place has a status shown.';
  updateRoving();
  updatePosition();
  describeMap();
}

function renderLegend() {
  legendBox.replaceChildren(...legendRows.map((r) => {
    const button = el('button');
    button.type = 'button';
    button.dataset.status = r.status;
    button.setAttribute('aria-pressed', String(!hiddenStatuses.has(r.status)));
    const swatch = el('span', `swatch ${r.status}`);
    swatch.style.background = r.color;
    swatch.setAttribute('aria-hidden', 'true');
    button.append(swatch, `${r.label} `, el('span', 'count', String(r.count)));
    return button;
  }));
}

function renderRows() {
  const selected = app.selected();
  list.replaceChildren(...sortedIndices().map((i) => {
    const p = placeList[i];
    const button = el('button');
    button.type = 'button';
    button.dataset.index = String(i);
    button.setAttribute('aria-pressed', String(i === selected));
    button.setAttribute('aria-describedby', 'places-help');
    button.append(el('span', 'name', p.name));
    if (p.off_map) button.append(el('span', 'off-map', 'off the map'));
    button.append(el('span', `status ${p.status}`, p.status));
    const li = el('li');
    li.append(button);
    return li;
  }));
  applyFilter();
}

function renderList() {
  placeList = app.places();
  legendRows = app.legend();
  renderLegend();
  renderRows();
}

// Marks the row of place `i` (whose marker the pointer is over) and brings it into view.
function highlightRow(i) {
  for (const b of list.querySelectorAll('button.hovered')) b.classList.remove('hovered');
  const row = rowOf(i);
  if (!row) return;
  row.classList.add('hovered');
  revealRow(row);
}

function wireList() {
  const indexOf = (e) => {
    const b = e.target.closest?.('#places button');
    return b ? Number(b.dataset.index) : undefined;
  };
  list.addEventListener('click', (e) => {
    const i = indexOf(e);
    if (i !== undefined) selectIndex(i, true);
  });
  list.addEventListener('mouseover', (e) => app.set_hovered(indexOf(e)));
  list.addEventListener('mouseleave', () => app.set_hovered(undefined));
  list.addEventListener('focusin', (e) => app.set_hovered(indexOf(e)));
  list.addEventListener('focusout', (e) => {
    if (!list.contains(e.relatedTarget)) app.set_hovered(undefined);
  });
  list.addEventListener('keydown', (e) => {
    const rows = visibleRows();
    const at = rows.indexOf(document.activeElement);
    const to = { ArrowDown: Math.min(at + 1, rows.length - 1), ArrowUp: Math.max(at - 1, 0), Home: 0, End: rows.length - 1 }[e.key];
    if (to === undefined || !rows.length || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    selectIndex(Number(rows[to].dataset.index));
    rows[to].focus();
  });
  search.addEventListener('input', applyFilter);
  sortSelect.addEventListener('change', renderRows);
  legendBox.addEventListener('click', (e) => {
    const b = e.target.closest('button');
    if (!b) return;
    const status = b.dataset.status;
    if (hiddenStatuses.has(status)) hiddenStatuses.delete(status);
    else hiddenStatuses.add(status);
    b.setAttribute('aria-pressed', String(!hiddenStatuses.has(status)));
    applyFilter();
  });
}

// One sentence of a place's details: the status it reports as a chip, the sentence with the
// place's mentions marked, and who it quotes or attributes its report to.
function sentenceBlock(s) {
  const block = el('div', 'evidence');
  if (s.status) {
    const said = el('p', 'meta said', 'This sentence: ');
    said.append(el('span', `status ${s.status}`, s.status));
    block.append(said);
  }
  const p = el('p', 'sentence');
  for (const piece of s.pieces) p.append(piece.mark ? el('mark', '', piece.text) : document.createTextNode(piece.text));
  block.append(p);
  if (s.quoting.length) block.append(el('p', 'meta', `Quoting: ${s.quoting.join(', ')}`));
  if (s.speakers.length) block.append(el('p', 'meta', `According to: ${s.speakers.join(', ')}`));
  return block;
}

// What the article says of a place (app.details): its status and why, the source, its
// spellings and region, and its sentences, under "Ukraine says" and "Russia says" when both
// sides speak of it.
function placeFacts(d) {
  const status = el('p', 'meta');
  status.append(el('span', `status ${d.status}`, d.status), ` ${d.reason}`);
  const parts = [status];
  if (d.off_map) parts.push(el('p', 'meta off-map', d.off_map));
  if (d.source) parts.push(el('p', 'meta source', `Source: ${d.source}`));
  if (d.forms.length) parts.push(el('p', 'meta forms', `Written as: ${d.forms.join(', ')}`));
  if (d.oblast && d.oblast !== d.name) parts.push(el('p', 'meta', `In: ${d.oblast}`));
  for (const g of d.groups) {
    const blocks = g.sentences.map((k) => sentenceBlock(d.sentences[k]));
    if (!g.heading) {
      parts.push(...blocks);
      continue;
    }
    const heading = el('h4', '', `${g.heading}:`);
    for (const st of g.statuses) heading.append(' ', el('span', `status ${st}`, st));
    const group = el('div', 'side-group');
    group.dataset.side = g.side ?? 'neither';
    group.append(heading, ...blocks);
    parts.push(group);
  }
  return parts;
}

// A button of a card's bar; its `data-action` says what it does (wireCards).
function barButton(action, text, title, keys) {
  const b = el('button', `card-${action}`, text);
  b.type = 'button';
  b.dataset.action = action;
  if (title) b.title = title;
  if (keys) b.setAttribute('aria-keyshortcuts', keys);
  return b;
}

// Where the selected place stands among the rows the list shows, in its order: "3 of 12".
function updatePosition() {
  const position = details.querySelector('.position');
  if (!position) return;
  const rows = visibleRows();
  const at = rows.findIndex((b) => Number(b.dataset.index) === app.selected());
  position.textContent = at < 0 ? '' : `${at + 1} of ${rows.length}`;
}

// The details card of the selected place, with its bar: previous and next place, pin, and
// (in the phone's bottom sheet) close. A bar button that had the focus keeps it.
function renderDetails() {
  const i = app.selected();
  const d = i === undefined ? null : app.details(i);
  const focused = details.contains(document.activeElement) ? document.activeElement.dataset.action : undefined;
  if (!d) {
    details.replaceChildren(el('p', 'hint', 'Click a place on the map or in the list to read what the article says about it.'));
  } else {
    const bar = el('div', 'card-bar');
    const pin = barButton('pin', 'Pin', 'Keep this place’s details in view while reading another');
    pin.setAttribute('aria-pressed', String(pinned === i));
    const close = barButton('close', '×', 'Close the details');
    close.setAttribute('aria-label', 'Close the details');
    bar.append(barButton('previous', '‹ Previous', 'Previous place (P)', 'p'), el('span', 'position'),
      barButton('next', 'Next ›', 'Next place (N)', 'n'), pin, close);
    details.replaceChildren(el('h3', 'name', d.name), bar, ...placeFacts(d), ...reports.history(i));
    updatePosition();
  }
  if (focused) details.querySelector(`[data-action="${focused}"]`)?.focus({ preventScroll: true });
  renderPinned();
}

// The pinned place's card, beside the selected one's (below it on a phone); not shown while the
// pinned place is the one selected. Drawn again only when the pin changes, so it keeps its
// scroll while the reader selects other places.
let pinnedDrawn = null;
function renderPinned() {
  const shown = pinned !== null && pinned !== app.selected();
  pinnedCard.hidden = !shown;
  document.body.classList.toggle('has-pin', shown);
  if (pinned === pinnedDrawn) return;
  pinnedDrawn = pinned;
  const d = pinned === null ? null : app.details(pinned);
  if (!d) {
    pinnedCard.replaceChildren();
    return;
  }
  const bar = el('div', 'card-bar');
  bar.append(barButton('unpin', 'Unpin', 'Stop keeping this place’s details in view'));
  pinnedCard.replaceChildren(el('p', 'pinned-label', 'Pinned'), el('h3', 'name', d.name), bar, ...placeFacts(d));
}

// Pins place `i` (or nothing) beside the selected one.
function pin(i) {
  pinned = i;
  renderDetails();
  updateAddress();
}

// Selects the place after (step 1) or before (step -1) the selected one among the rows the list
// shows, in its order, going round at the ends; with none selected, the first or the last.
function stepPlace(step) {
  const rows = visibleRows();
  if (!rows.length) return;
  const at = rows.findIndex((b) => Number(b.dataset.index) === app.selected());
  const to = at < 0 ? (step > 0 ? 0 : rows.length - 1) : (at + step + rows.length) % rows.length;
  selectIndex(Number(rows[to].dataset.index));
}

// Pans the map so that the selected marker, if the bottom sheet covers it, shows in the part
// of the map above the sheet (when enough of the map is on screen for that).
const SHEET_MARGIN = 24;
const MIN_MAP_BAND = 80;
function keepMarkerInSight() {
  const p = app.places()[app.selected()];
  if (!p || p.off_map) return;
  const map = canvas.getBoundingClientRect();
  const top = Math.max(map.top, 0) + SHEET_MARGIN;
  const bottom = Math.min(map.bottom, cards.getBoundingClientRect().top) - SHEET_MARGIN;
  const y = map.top + p.y;
  if (bottom - top < MIN_MAP_BAND || y < 0 || y > window.innerHeight || (y >= top && y <= bottom)) return;
  app.pan(0, (top + bottom) / 2 - y);
}

// On a phone the cards are a bottom sheet, open while a place is selected. Opened by a click or
// a tap (`focusSheet`), it takes the focus; closing it gives the focus back to where it was
// (or to the list) when the focus was in the sheet.
function syncSheet(focusSheet) {
  const open = app.selected() !== undefined;
  const wasOpen = document.body.classList.contains('sheet-open');
  document.body.classList.toggle('sheet-open', open);
  if (!phone.matches) return;
  if (open && !wasOpen && focusSheet) {
    sheetOpener = document.activeElement;
    details.focus({ preventScroll: true });
  }
  if (!open && wasOpen) {
    const active = document.activeElement;
    if (cards.contains(active) || active === document.body || !active) {
      const back = sheetOpener?.isConnected ? sheetOpener : list.querySelector('button[tabindex="0"]');
      back?.focus({ preventScroll: true });
    }
    sheetOpener = null;
  }
  if (open) keepMarkerInSight();
}

function wireCards() {
  cards.addEventListener('click', (e) => {
    const action = e.target.closest?.('button[data-action]')?.dataset.action;
    if (action === 'previous') stepPlace(-1);
    if (action === 'next') stepPlace(1);
    if (action === 'pin') pin(pinned === app.selected() ? null : app.selected());
    if (action === 'close') selectIndex(null);
    if (action === 'unpin') {
      pin(null);
      details.focus({ preventScroll: true });
    }
  });
  // N and P (or ] and [) anywhere but in a text field step through the places.
  document.addEventListener('keydown', (e) => {
    const step = { n: 1, N: 1, ']': 1, p: -1, P: -1, '[': -1 }[e.key];
    if (!step || e.ctrlKey || e.metaKey || e.altKey || e.target.closest?.('input, textarea, select, [contenteditable]')) return;
    e.preventDefault();
    stepPlace(step);
  });
}

// Selects place `i` (or nothing): the map, the list (its row in view), the details, and one
// short line for screen readers. `focusSheet`: a click or a tap chose it (the phone's bottom
// sheet then takes the focus).
function selectIndex(i, focusSheet = false) {
  const before = app.selected();
  app.select(i ?? undefined);
  const selected = app.selected();
  for (const b of list.querySelectorAll('button')) b.setAttribute('aria-pressed', String(Number(b.dataset.index) === selected));
  updateRoving();
  renderDetails();
  syncSheet(focusSheet);
  // After the details, whose height the list's depends on.
  revealRow(rowOf(selected));
  const p = placeList[selected];
  if (p) $('announce').textContent = `${p.name}, ${p.status}`;
  else if (before !== undefined) $('announce').textContent = 'No place selected';
  updateAddress();
}

// Greys the map, list and details, with a hint to map again, while the box holds another text
// than the one they show.
function showStale() {
  const stale = mappedText !== null && textarea.value !== mappedText;
  document.body.classList.toggle('stale', stale);
  $('stale-hint').hidden = !stale;
}

// A tag of an element articles are written in, or the start of a comment or a doctype: the text
// is HTML.
const HTML_MARKUP = /<(?:\/?(?:html|head|body|title|meta|link|p|br|div|span|a|b|i|u|s|em|strong|small|sup|sub|font|img|figure|figcaption|h[1-6]|ul|ol|li|dl|dt|dd|table|thead|tbody|tr|td|th|blockquote|q|cite|pre|code|section|article|header|footer|main|nav|aside|time|hr|script|style|noscript|iframe|svg)\b[^<>]*>|!--|!doctype\b)/i;
// What HTML holds besides its text.
const NOT_TEXT = 'script, style, noscript, template, iframe, object, svg, canvas';
// Elements that end a line, and those that stand as paragraphs of their own.
const LINES = 'br, li, dt, dd, tr, figcaption';
const BLOCKS = 'p, div, h1, h2, h3, h4, h5, h6, ul, ol, dl, table, blockquote, pre, section, article, header, footer, main, nav, aside, figure, hr, address';

// Reduces HTML to the text a reader sees, in an inert document (DOMParser: nothing in it runs
// or loads, and nothing of it reaches the page): each run of whitespace one space, a line
// break after each line, a blank line around each block, list items as bulleted lines.
function htmlText(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const e of doc.querySelectorAll(NOT_TEXT)) e.remove();
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) node.data = node.data.replace(/\s+/g, ' ');
  for (const e of doc.body.querySelectorAll('li')) e.prepend('• ');
  for (const e of doc.body.querySelectorAll(LINES)) e.after('\n');
  for (const e of doc.body.querySelectorAll(BLOCKS)) {
    e.before('\n\n');
    e.after('\n\n');
  }
  return doc.body.textContent.replace(/ +/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

// Returns the article to map, or null after saying why `text` (`what`: "The article",
// "“report.txt”") is not mapped: it is empty, or longer than the one limit of src/web.rs. Both
// are checked before any work starts and leave the map, the list and the details as they are.
// HTML is reduced to its text.
function articleText(text, what) {
  if (!text.trim()) {
    say(`${what} is empty. Paste a news report, open a text file or choose an example.`, true);
    return null;
  }
  const problem = size_problem(what, new TextEncoder().encode(text).length);
  if (problem) {
    say(problem, true);
    return null;
  }
  if (!HTML_MARKUP.test(text)) return text;
  const plain = htmlText(text);
  if (!plain) say(`${what} is HTML with no text.`, true);
  return plain || null;
}

// Maps an article that articleText let through (`example`: an example as loaded); returns how
// many places it names.
function mapText(text, example) {
  let n;
  try {
    n = app.load_article(text);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) throw e;
    say(e.message ?? String(e), true);
    return 0;
  }
  if (textarea.value !== text) textarea.value = text;
  mappedText = text;
  pristine = example ? text : null;
  showStale();
  try {
    localStorage.setItem(STORAGE_KEY, text);
    localStorage.setItem(EXAMPLE_KEY, example ? '1' : '0');
  } catch { /* storage full or disabled: the article is still mapped */ }
  pinned = null;
  renderList();
  renderDetails();
  syncSheet(false);
  reports.replaced(text);
  if (n === 0) say('This article names no place Frontline knows. Check the text, or try one of the examples.', true);
  else say(`${n} place${n === 1 ? '' : 's'} found. Click one to read what the article says about it.`);
  return n;
}

// Maps an article at once (`example`: an example as loaded); returns how many places it names.
function mapArticle(text, what, example = false) {
  if (!app) return 0;
  const article = articleText(text, what);
  return article === null ? 0 : mapText(article, example);
}

// Whether the box holds text of the reader's own (typed, pasted, opened or edited), which an
// example must not replace without asking.
function readersOwn() {
  return textarea.value.trim() !== '' && textarea.value !== pristine;
}

// Loads the example chosen in the select, after asking when it would replace the reader's text.
async function loadExample() {
  const name = $('examples').value;
  if (!name) {
    say('Choose an example in the list, then press Load.', true);
    return;
  }
  if (readersOwn() && !window.confirm('Replace the article in the box with the example? The text in the box will be lost.')) return;
  try {
    if (name === 'series') {
      await reports.loadSeries();
      return;
    }
    mapArticle(await fetchText(`examples/${name}`), 'The example', true);
  } catch (err) {
    say(`Could not load the example: ${err.message}`, true);
  }
}

// Maps an article from the page's own controls; a long one first gets a message painted, as
// reading it can take a few seconds.
async function mapFromPage(text, what) {
  const article = articleText(text, what);
  if (article === null) return;
  if (article.length > LONG_ARTICLE_CHARS) {
    say(`Mapping a long article (${Math.round(article.length / 1024)} KB)…`);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  }
  mapText(article, false);
}

// Byte-order marks and the encodings they announce.
const BOMS = [[[0xef, 0xbb, 0xbf], 'utf-8'], [[0xff, 0xfe], 'utf-16le'], [[0xfe, 0xff], 'utf-16be']];
// The control characters no text holds: all but tab, the line breaks and form feed.
const BINARY = /[\0-\x08\x0e-\x1f]/;
// A word of three Cyrillic letters or more.
const CYRILLIC_WORD = /[\u0400-\u04ff]{3,}/g;

// Reads bytes that are not UTF-8 as Windows-1251 when at least half their non-ASCII characters
// then fall in Cyrillic words, else as Windows-1252 (accented letters rarely come three in a row).
function decodeLegacy(bytes) {
  const cyrillic = new TextDecoder('windows-1251').decode(bytes);
  const nonAscii = cyrillic.match(/[^\0-\x7f]/g)?.length ?? 0;
  const inWords = (cyrillic.match(CYRILLIC_WORD) ?? []).join('').length;
  return inWords * 2 >= nonAscii ? cyrillic : new TextDecoder('windows-1252').decode(bytes);
}

// Reads a file's bytes as text: by its byte-order mark (UTF-8, UTF-16 LE or BE), else as UTF-8,
// else as Windows-1251 or 1252 (decodeLegacy). Returns null for a binary file.
function decodeFile(bytes) {
  const bom = BOMS.find(([mark]) => mark.every((b, i) => bytes[i] === b));
  let text;
  if (bom) {
    text = new TextDecoder(bom[1]).decode(bytes);
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = decodeLegacy(bytes);
    }
  }
  return BINARY.test(text) ? null : text;
}

async function openFile(file) {
  const what = `“${file.name}”`;
  const problem = size_problem(what, file.size);
  if (problem) {
    say(problem, true);
    return;
  }
  const text = decodeFile(new Uint8Array(await file.arrayBuffer()));
  if (text === null) {
    say(`${what} is not a text file. Open a .txt or .html file with the article.`, true);
    return;
  }
  await mapFromPage(text, what);
}

// Maps one file, or adds several as reports.
async function openFiles(files) {
  if (files.length === 1 && /\.(geo)?json$/i.test(files[0].name)) await reports.importFile(files[0]);
  else if (files.length === 1) await openFile(files[0]);
  else if (files.length > 1) await reports.addFiles(files);
}

// Shows or hides the hint over the map ("use two fingers…"); it hides itself after a while.
let hintTimer = null;
function showHint(show, text = '') {
  const hint = $('map-hint');
  clearTimeout(hintTimer);
  if (show) {
    hint.textContent = text;
    hintTimer = setTimeout(() => { hint.hidden = true; }, 2500);
  }
  hint.hidden = !show;
}

// The view, the selected place and the pinned one live in the address's hash
// ("#view=37.6,48.3,9.5&place=Izium&pin=Kupiansk"), so that a reload or a shared link opens the
// same view of the article kept in local storage.
let addressTimer = null;
function updateAddress() {
  clearTimeout(addressTimer);
  addressTimer = setTimeout(() => {
    const [lon, lat, zoom] = app.view_state();
    const params = new URLSearchParams({ view: `${lon.toFixed(4)},${lat.toFixed(4)},${zoom.toFixed(2)}` });
    const i = app.selected();
    if (i !== undefined && i !== null && placeList[i]) params.set('place', placeList[i].name);
    if (pinned !== null && placeList[pinned]) params.set('pin', placeList[pinned].name);
    history.replaceState(null, '', `#${params}`);
  }, 200);
}

// Opens the view, the selected place and the pinned one the address names, if any.
function followAddress() {
  const params = new URLSearchParams(location.hash.slice(1));
  const place = params.get('place');
  if (place) {
    const i = app.find(place);
    if (i !== undefined) selectIndex(i);
  }
  const pinnedName = params.get('pin');
  if (pinnedName) pin(app.find(pinnedName) ?? null);
  const view = (params.get('view') ?? '').split(',').map(Number);
  if (view.length === 3 && view.every(Number.isFinite)) app.set_view(view[0], view[1], view[2]);
}

function wireMap() {
  let drag = null;
  let pending = null;
  const flush = () => {
    if (pending) app.pan(pending.dx, pending.dy);
    pending = null;
  };
  // Pointers on the map: a mouse or pen drags it; on touch one finger is left to scroll the
  // page (CSS touch-action: pan-x pan-y) and two fingers pan and pinch-zoom it.
  const pointers = new Map();
  let pinch = null;
  const pinchState = () => {
    const [a, b] = [...pointers.values()];
    return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, d: Math.hypot(a.x - b.x, a.y - b.y) };
  };
  canvas.addEventListener('pointerdown', (e) => {
    canvas.focus({ preventScroll: true });
    pointers.set(e.pointerId, { x: e.offsetX, y: e.offsetY });
    if (pointers.size === 2) {
      drag = null;
      pinch = pinchState();
      showHint(false);
      return;
    }
    drag = { x: e.offsetX, y: e.offsetY, moved: 0, touch: e.pointerType === 'touch' };
    if (!drag.touch) canvas.setPointerCapture(e.pointerId);
  });
  canvas.addEventListener('pointermove', (e) => {
    if (pointers.has(e.pointerId)) pointers.set(e.pointerId, { x: e.offsetX, y: e.offsetY });
    if (pinch && pointers.size === 2) {
      const now = pinchState();
      app.pan(now.x - pinch.x, now.y - pinch.y);
      if (pinch.d > 0 && now.d > 0) app.zoom_at(now.x, now.y, now.d / pinch.d);
      pinch = now;
      return;
    }
    if (drag) {
      const dx = e.offsetX - drag.x;
      const dy = e.offsetY - drag.y;
      drag.x = e.offsetX;
      drag.y = e.offsetY;
      drag.moved += Math.abs(dx) + Math.abs(dy);
      if (drag.moved > 3 && drag.touch) showHint(true, 'Use two fingers to move the map.');
      if (drag.moved > 3 && !drag.touch) {
        canvas.classList.add('dragging');
        if (!pending) { pending = { dx: 0, dy: 0 }; requestAnimationFrame(flush); }
        pending.dx += dx;
        pending.dy += dy;
      }
      return;
    }
    const i = app.hover(e.offsetX, e.offsetY);
    highlightRow(i);
    canvas.classList.toggle('over-place', i !== undefined);
    if (i === undefined) {
      tooltip.hidden = true;
    } else {
      tooltip.textContent = placeList[i]?.name ?? '';
      tooltip.style.left = `${e.offsetX + 14}px`;
      tooltip.style.top = `${e.offsetY + 10}px`;
      tooltip.hidden = false;
    }
  });
  canvas.addEventListener('pointerleave', () => {
    tooltip.hidden = true;
    app.set_hovered(undefined);
    highlightRow(undefined);
  });
  const end = (e) => {
    pointers.delete(e.pointerId);
    if (pinch) {
      if (pointers.size < 2) pinch = null;
      updateAddress();
      return;
    }
    if (!drag) return;
    const click = drag.moved <= 3 && e.type === 'pointerup';
    drag = null;
    canvas.classList.remove('dragging');
    if (canvas.hasPointerCapture(e.pointerId)) canvas.releasePointerCapture(e.pointerId);
    flush();
    if (click && !app.open_cluster(e.offsetX, e.offsetY)) selectIndex(app.pick(e.offsetX, e.offsetY) ?? null, true);
    updateAddress();
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  // A double click, or a double tap, zooms in about the pointer.
  canvas.addEventListener('dblclick', (e) => {
    e.preventDefault();
    app.zoom_at(e.offsetX, e.offsetY, 2);
    updateAddress();
  });
  // The wheel zooms the map with Ctrl or ⌘ (and a trackpad's pinch), or once the map has the
  // focus (it was clicked); otherwise it scrolls the page, with a hint.
  canvas.addEventListener('wheel', (e) => {
    if (!(e.ctrlKey || e.metaKey || document.activeElement === canvas)) {
      showHint(true, 'Use Ctrl + scroll (⌘ + scroll) to zoom the map, or click it first.');
      return;
    }
    e.preventDefault();
    const dy = e.deltaMode === 1 ? e.deltaY * 33 : e.deltaY;
    app.zoom_at(e.offsetX, e.offsetY, Math.exp(-dy * 0.002));
    updateAddress();
  }, { passive: false });
  canvas.addEventListener('keydown', (e) => {
    const step = 80;
    const keys = {
      ArrowLeft: () => app.pan(step, 0),
      ArrowRight: () => app.pan(-step, 0),
      ArrowUp: () => app.pan(0, step),
      ArrowDown: () => app.pan(0, -step),
      '+': () => app.zoom(1.5),
      '=': () => app.zoom(1.5),
      '-': () => app.zoom(1 / 1.5),
      '_': () => app.zoom(1 / 1.5),
      f: () => app.fit(),
      F: () => app.fit(),
    };
    const action = keys[e.key];
    if (action && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      action();
      updateAddress();
    }
  });
  $('zoom-in').addEventListener('click', () => { app.zoom(1.5); updateAddress(); });
  $('zoom-out').addEventListener('click', () => { app.zoom(1 / 1.5); updateAddress(); });
  $('zoom-fit').addEventListener('click', () => { app.fit(); updateAddress(); });
  window.addEventListener('hashchange', followAddress);
  new ResizeObserver(() => app.resize()).observe(canvas);
  // A change of device pixel ratio (a window moved to another screen, browser zoom).
  const watchRatio = () => matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`)
    .addEventListener('change', () => { app.resize(); watchRatio(); }, { once: true });
  watchRatio();
}

// On a phone the article box and its buttons come first in the page, before the map; on a wide
// screen they stay at the foot of the side panel. (Moved in the document, not only drawn
// elsewhere, so the reading and tab order follow.)
function placeInput() {
  const pane = document.querySelector('.input-pane');
  const focused = pane.contains(document.activeElement) ? document.activeElement : null;
  if (phone.matches) document.querySelector('main').prepend(pane);
  else document.querySelector('.side').append(pane);
  focused?.focus({ preventScroll: true });
}

function wireInput() {
  textarea.addEventListener('input', showStale);
  $('map-it').addEventListener('click', () => mapFromPage(textarea.value, 'The article'));
  textarea.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      mapFromPage(textarea.value, 'The article');
    }
  });
  $('add-report').addEventListener('click', () => reports.add(textarea.value, 'The article'));
  $('file').addEventListener('change', async (e) => {
    const files = [...e.target.files];
    e.target.value = '';
    await openFiles(files);
  });
  $('load-example').addEventListener('click', loadExample);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && app.selected() !== undefined) selectIndex(null);
  });
  document.querySelector('.skip-link').addEventListener('click', (e) => {
    e.preventDefault();
    textarea.focus();
  });
  document.addEventListener('dragover', (e) => {
    e.preventDefault();
    document.body.classList.add('drop-target');
  });
  document.addEventListener('dragleave', (e) => {
    if (e.relatedTarget === null) document.body.classList.remove('drop-target');
  });
  document.addEventListener('drop', async (e) => {
    e.preventDefault();
    document.body.classList.remove('drop-target');
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length) await openFiles(files);
    else if (e.dataTransfer?.getData('text/plain')) await mapFromPage(e.dataTransfer.getData('text/plain'), 'The dropped text');
  });
}

// The article stored by the last visit, if any: { article, example }.
function storedArticle() {
  try {
    const article = localStorage.getItem(STORAGE_KEY);
    if (article) return { article, example: localStorage.getItem(EXAMPLE_KEY) === '1' };
  } catch { /* storage disabled */ }
  return null;
}

async function main() {
  placeInput();
  phone.addEventListener('change', placeInput);
  // Everything the first map needs is asked for at once (index.html preloads the same files):
  // the gazetteer goes to the wasm module as bytes, never decoded into a JavaScript string.
  const gazetteer = fetchBytes('pkg/gazetteer.geojson.gz');
  gazetteer.catch(() => {});
  const stored = storedArticle();
  const seed = stored ? null : fetchText('examples/seed.txt');
  seed?.catch(() => {});
  let basemap;
  try {
    [, basemap] = await Promise.all([init(), fetchText('pkg/basemap.json.gz')]);
  } catch (e) {
    showError(`The map could not load: ${e.message}. Build the page with scripts/build_web.sh and serve the www/ folder over HTTP.`);
    return;
  }
  app = new App(canvas, basemap);
  reports = wireReports({
    app, say, el, articleText, fetchText, decodeFile, sizeProblem: size_problem,
    // The map shows a set of reports, not the text in the box.
    changed: () => { mappedText = null; showStale(); renderList(); renderDetails(); syncSheet(false); },
  });
  performance.mark('frontline-map-drawn');
  wireMap();
  wireList();
  wireInput();
  wireCards();
  window.frontline = {
    loadArticle: (text) => mapArticle(String(text), 'This text'),
    places: () => (app ? app.places() : []),
    clusters: () => (app ? app.clusters() : []),
    select: (name) => {
      const i = app.find(String(name));
      if (i === undefined) return false;
      selectIndex(i);
      return true;
    },
    hovered: () => placeList[app.hovered()]?.name ?? null,
    ...reports.api,
  };
  say('Loading the gazetteer…');
  try {
    app.set_gazetteer(await gazetteer);
  } catch (e) {
    showError(`The gazetteer could not load: ${e.message}. The map works, but no place can be found.`);
    return;
  }
  let { article, example } = stored ?? { article: null, example: true };
  if (seed) {
    try {
      article = await seed;
    } catch (e) {
      say(`Could not load the example article: ${e.message}. Paste an article to map it.`, true);
    }
  }
  if (!reports.restore() && article) mapArticle(article, 'The article', example);
  followAddress();
  performance.mark('frontline-article-mapped');
  document.body.dataset.state = 'ready';
}

main();
