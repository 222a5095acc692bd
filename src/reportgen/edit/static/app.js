// reportgen edit: the form of a report kind, checked as the clerk types. Plain JS, no network
// beyond this page's own server (all addresses are relative to the page's tokened path).
"use strict";

const $ = (id) => document.getElementById(id);
const state = { file: null, form: null, data: null, dirty: false, pages: false };
const NUMERALS = "一二三四五六七八九十";

// ---- talking to the server ---------------------------------------------------------------

async function call(name, body) {
  const response = await fetch("api/" + name, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body || {}),
  });
  const answer = await response.json().catch(() => ({ error: "服务器没有回应" }));
  if (!response.ok) throw new Error(answer.error || "出错了");
  return answer;
}

function say(text, isError) {
  const status = $("status");
  status.textContent = text;
  status.className = isError ? "error" : "";
}

let checkTimer = null;
let checkSerial = 0;
function changed() {
  state.dirty = true;
  clearTimeout(checkTimer);
  checkTimer = setTimeout(check, 400);
}

async function check() {
  const serial = ++checkSerial;
  try {
    const answer = await call("check", { file: state.file, data: state.data });
    if (serial === checkSerial) show(answer);
  } catch (error) {
    say(error.message, true);
  }
}

// ---- opening ------------------------------------------------------------------------------

async function start() {
  const session = await fetch("api/session").then((r) => r.json());
  state.pages = session.pages;
  $("folder").textContent = session.folder;
  const select = $("new-kind");
  for (const kind of session.kinds) {
    const option = new Option(`${kind.name}（${kind.id}）`, kind.id);
    option.dataset.summary = kind.summary;
    select.add(option);
  }
  if (session.kind) select.value = session.kind;
  select.onchange = () => ($("kind-summary").textContent = select.selectedOptions[0].dataset.summary);
  select.onchange();
  $("btn-open").onclick = chooser;
  $("btn-new").onclick = () => opened(call("new", { kind: select.value, file: $("new-name").value }));
  $("btn-save").onclick = save;
  $("btn-render").onclick = render;
  $("tab-sketch").onclick = () => tab(false);
  $("tab-pages").onclick = () => tab(true);
  $("tab-pages").hidden = !state.pages;
  setInterval(() => fetch("api/alive", { method: "POST" }), 5000);
  fetch("api/alive", { method: "POST" });
  addEventListener("pagehide", () => navigator.sendBeacon("api/bye"));
  addEventListener("beforeunload", (event) => {
    if (state.dirty) event.preventDefault();
  });
  if (session.file) opened(call("open", { file: session.file }));
  else chooser();
}

async function chooser() {
  const { files } = await fetch("api/files").then((r) => r.json());
  const list = $("file-list");
  list.replaceChildren();
  for (const name of files) {
    const draft = !/\.ya?ml$/i.test(name);
    const button = el("button", { type: "button", text: name + (draft ? "（导入）" : "") });
    button.onclick = () => opened(call(draft ? "import" : "open", { file: name }));
    list.append(el("li", {}, [button]));
  }
  if (!files.length) list.append(el("li", { text: "（文件夹里还没有报告文件）" }));
  $("chooser").hidden = false;
  $("form").hidden = $("preview").hidden = true;
}

async function opened(pending) {
  let answer;
  try {
    answer = await pending;
  } catch (error) {
    say(error.message, true);
    return;
  }
  Object.assign(state, { file: answer.file, form: answer.form, data: answer.data, dirty: false });
  $("doc-name").textContent = answer.file;
  $("doc-kind").textContent = answer.form.name;
  document.title = answer.file + " · reportgen";
  $("chooser").hidden = true;
  $("form").hidden = $("preview").hidden = false;
  $("btn-save").disabled = $("btn-render").disabled = false;
  drawForm();
  show(answer);
  say((answer.messages || []).join("；") || "已打开 " + answer.file);
}

// ---- the form -----------------------------------------------------------------------------

function el(tag, props, children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (key === "text") node.textContent = value;
    else if (key === "loc") node.dataset.loc = JSON.stringify(value);
    else if (key in node) node[key] = value;
    else node.setAttribute(key, value);
  }
  for (const child of children || []) if (child) node.append(child);
  return node;
}

function drawForm() {
  const form = $("form");
  form.replaceChildren();
  let group = null;
  for (const field of state.form.fields) {
    const big = ["sections", "brief-items", "figures"].includes(field.widget);
    if (big || !group) {
      group = el("fieldset", {}, [el("legend", { text: big ? field.name : "基本信息" })]);
      form.append(group);
    }
    group.append(drawField(state.data, field.key, field, [field.key]));
    if (big) group = null;
  }
}

function labelled(field, loc, input) {
  return el("div", { className: "field", loc }, [
    el("label", {}, [field.name, field.required ? el("span", { className: "req", text: "*" }) : null]),
    field.help ? el("p", { className: "help", text: field.help }) : null,
    input,
    el("div", { className: "notes" }),
  ]);
}

function drawField(holder, key, field, loc) {
  const widget = field.widget;
  if (widget === "paragraphs") return labelled(field, loc, paragraphs(holder, key, loc));
  if (widget === "sections") return sections(field, loc);
  if (widget === "brief-items") return items(holder, key, field, loc);
  if (widget === "figures") return figures(loc);
  if (widget === "group") {
    const parts = field.parts.map((part) => {
      const inner = holder[key] || {};
      return drawField(inner, part.key, part, [...loc, part.key]);
    });
    parts.forEach((node, i) =>
      node.querySelector("input").addEventListener("input", () => {
        holder[key] = holder[key] || {};
        holder[key][field.parts[i].key] = node.querySelector("input").value;
      }),
    );
    return el("div", { className: "field", loc }, [
      el("label", { text: field.name }),
      ...parts,
      el("div", { className: "notes" }),
    ]);
  }
  const value = holder[key];
  const input = el("input", {
    className: "line",
    name: loc.join("."),
    value: value === null || value === undefined ? "" : String(value),
    type: widget === "date" ? "date" : "text",
  });
  if (widget === "number" || widget === "integer") input.inputMode = "decimal";
  input.addEventListener("input", () => {
    holder[key] = typed(input.value, widget);
    changed();
  });
  return labelled(field, loc, input);
}

function typed(text, widget) {
  if (widget === "number" || widget === "integer") {
    const clean = text.trim().replace(/,/g, "");
    if (clean === "") return null;
    return Number.isFinite(Number(clean)) ? Number(clean) : text;
  }
  return text;
}

function asList(value) {
  if (value === null || value === undefined || value === "") return [];
  if (Array.isArray(value)) return value;
  return String(value).split("\n").filter((line) => line.trim());
}

// A list of things with 上移/下移/删除 on each and 添加 at the end; `draw` draws one of them.
function list(holder, key, loc, draw, blank, addText) {
  const box = el("div", { className: "list" });
  const redraw = () => box.replaceWith(list(holder, key, loc, draw, blank, addText));
  const items = asList(holder[key]);
  items.forEach((item, index) => {
    const move = (by) => {
      const all = asList(holder[key]).slice();
      const [taken] = all.splice(index, 1);
      all.splice(index + by, 0, taken);
      holder[key] = all;
      redraw();
      changed();
    };
    const tools = el("div", { className: "tools" }, [
      index > 0 ? button("上移", () => move(-1)) : null,
      index < items.length - 1 ? button("下移", () => move(1)) : null,
      button("删除", () => {
        const all = asList(holder[key]).slice();
        all.splice(index, 1);
        holder[key] = all;
        redraw();
        changed();
      }),
    ]);
    box.append(draw(items, index, [...loc, index], tools));
  });
  box.append(
    button(addText, () => {
      holder[key] = [...asList(holder[key]), blank()];
      redraw();
      changed();
    }, "add"),
  );
  return box;
}

function button(text, onclick, className) {
  const node = el("button", { type: "button", text, className: className || "" });
  node.onclick = onclick;
  return node;
}

function paragraphs(holder, key, loc) {
  return list(holder, key, loc, (items, index, here, tools) => {
    const area = el("textarea", { value: items[index], name: here.join(".") });
    area.addEventListener("input", () => {
      const all = asList(holder[key]).slice();
      all[index] = area.value.replace(/\n+/g, " ");
      holder[key] = all;
      changed();
    });
    return el("div", { className: "para", loc: here }, [
      el("div", { className: "body" }, [area, el("div", { className: "notes" })]),
      tools,
    ]);
  }, () => "", "＋ 添加段落");
}

function headed(holder, loc, depth, guide) {
  // A section or subsection: heading, paragraphs, and (to four levels) its subsections.
  const heading = drawField(holder, "heading", { name: "标题", help: guide || "不写序号，自动加", widget: "line", required: true }, [...loc, "heading"]);
  const parts = [heading, labelled({ name: "段落" }, [...loc, "paragraphs"], paragraphs(holder, "paragraphs", [...loc, "paragraphs"]))];
  if (depth < 4 && guide !== false) {
    const sub = list(holder, "subsections", [...loc, "subsections"], (items, index, here, tools) =>
      el("div", { className: "item", loc: here }, [
        el("strong", { text: items[index].number || subNumber(depth + 1, index) }),
        tools,
        ...headed(items[index], here, depth + 1, "小标题，不写序号"),
        el("div", { className: "notes" }),
      ]), () => ({ heading: "", paragraphs: [] }), "＋ 添加小标题");
    parts.push(labelled({ name: "小标题" }, [...loc, "subsections"], sub));
  }
  return parts;
}

function subNumber(level, index) {
  const n = index + 1;
  const zh = n <= 10 ? NUMERALS[n - 1] : String(n);
  return ["", `${zh}、`, `（${zh}）`, `${n}.`, `（${n}）`][level] || "";
}

function sections(field, loc) {
  const box = el("div", { className: "field", loc }, [
    field.help ? el("p", { className: "help", text: field.help }) : null,
  ]);
  const data = state.data;
  if (field.mode === "fixed") {
    data.sections = data.sections || {};
    field.items.forEach((item, index) => {
      const holder = (data.sections[item.key] = data.sections[item.key] || { heading: item.heading, paragraphs: [] });
      box.append(
        el("div", { className: "item", loc: [...loc, item.key] }, [
          el("strong", { text: (holder.number || subNumber(1, index)) + item.heading }),
          item.help ? el("p", { className: "help", text: item.help }) : null,
          ...headed(holder, [...loc, item.key], 1, item.subsections ? "不写“一、”，序号自动加" : false),
          el("div", { className: "notes" }),
        ]),
      );
    });
  } else {
    box.append(
      list(data, "sections", loc, (items, index, here, tools) =>
        el("div", { className: "item", loc: here }, [
          el("strong", { text: items[index].number || subNumber(1, index) }),
          tools,
          ...headed(items[index], here, 1, "不写“一、”，序号自动加"),
          el("div", { className: "notes" }),
        ]), () => ({ heading: "", paragraphs: [] }), "＋ 添加一部分"),
    );
  }
  box.append(el("div", { className: "notes" }));
  return box;
}

function items(holder, key, field, loc) {
  const box = list(holder, key, loc, (all, index, here, tools) =>
    el("div", { className: "item", loc: here }, [
      el("strong", { text: subNumber(1, index) }),
      tools,
      ...field.parts.map((part) => drawField(all[index], part.key, part, [...here, part.key])),
      el("div", { className: "notes" }),
    ]), () => ({ unit: "", headline: "", paragraphs: [], progress: "" }), "＋ 添加单位");
  return el("div", { className: "field", loc }, [el("p", { className: "help", text: field.help }), box, el("div", { className: "notes" })]);
}

// ---- figures: a table; two columns pasted from Excel or WPS fill it -----------------------

function figures(loc) {
  state.data.figures = state.data.figures || {};
  const table = el("table", { className: "figures" });
  const head = el("tr", {}, ["名称", "数值", "单位", "小数位数", ""].map((t) => el("th", { text: t })));
  table.append(head);
  for (const name of Object.keys(state.data.figures)) table.append(figureRow(name, loc));
  const box = el("div", { className: "field", loc }, [
    el("p", { className: "help", text: "正文中写 {{ 名称 }} 引用；数值暂缺时留空，成稿中显示为 *.** 并高亮。可从 Excel/WPS 复制“名称、数值”两列，在表内粘贴。" }),
    table,
    button("＋ 添加数据", () => {
      let name = "新数据";
      for (let i = 2; name in state.data.figures; i++) name = "新数据" + i;
      state.data.figures[name] = { value: null, unit: "", precision: 0 };
      redrawFigures();
      changed();
    }, "add"),
    el("div", { className: "notes" }),
  ]);
  table.addEventListener("paste", pasteFigures);
  return box;
}

function redrawFigures() {
  const old = document.querySelector('.field[data-loc=\'["figures"]\']');
  old.replaceWith(figures(["figures"]));
}

function figureRow(name, loc) {
  const figure = state.data.figures[name];
  const here = [...loc, name];
  const cell = (key, widget) => {
    const input = el("input", { value: figure[key] === null || figure[key] === undefined ? "" : String(figure[key]), name: `figures.${name}.${key}` });
    input.addEventListener("input", () => {
      figure[key] = typed(input.value, widget);
      changed();
    });
    return el("td", { className: widget === "number" ? "num" : "" }, [input, el("div", { className: "notes" })]);
  };
  const nameInput = el("input", { value: name, name: `figures.${name}.name` });
  nameInput.addEventListener("change", () => renameFigure(name, nameInput.value.trim()));
  const remove = button("删除", () => {
    delete state.data.figures[name];
    redrawFigures();
    changed();
  });
  const row = el("tr", { loc: here }, [
    el("td", {}, [nameInput, el("div", { className: "notes" })]),
    cell("value", "number"),
    cell("unit", "line"),
    cell("precision", "number"),
    el("td", {}, [remove]),
  ]);
  row.children[1].dataset.loc = JSON.stringify([...here, "value"]);
  return row;
}

function renameFigure(from, to) {
  if (!to || to === from || to in state.data.figures) return;
  const renamed = {};
  for (const [name, figure] of Object.entries(state.data.figures)) renamed[name === from ? to : name] = figure;
  state.data.figures = renamed;
  redrawFigures();
  changed();
}

function pasteFigures(event) {
  const text = event.clipboardData.getData("text/plain");
  if (!/[\t\n]/.test(text.trim())) return; // one cell: an ordinary paste into the box
  event.preventDefault();
  let count = 0;
  for (const line of text.split(/\r?\n/)) {
    const [rawName, rawValue = "", rawUnit = ""] = line.split("\t").map((c) => c.trim());
    if (!rawName || rawName === "名称") continue;
    let value = rawValue.replace(/[,，\s]/g, "");
    let unit = rawUnit;
    if (value.endsWith("%")) {
      value = value.slice(0, -1);
      unit = unit || "%";
    }
    const number = value === "" ? null : Number(value);
    const figure = state.data.figures[rawName] || (state.data.figures[rawName] = { value: null, unit: "", precision: 0 });
    figure.value = number === null || Number.isFinite(number) ? number : rawValue;
    if (unit) figure.unit = unit;
    if (Number.isFinite(number) && value.includes(".") && !figure.precision) figure.precision = value.split(".")[1].length;
    count++;
  }
  redrawFigures();
  changed();
  say(`已从表格粘贴 ${count} 项数据`);
}

// ---- findings beside their fields, the preview --------------------------------------------

function show(answer) {
  for (const box of document.querySelectorAll(".notes")) box.replaceChildren();
  const places = new Map();
  for (const node of document.querySelectorAll("[data-loc]")) places.set(node.dataset.loc, node);
  let errors = 0;
  let others = 0;
  for (const note of answer.notes || []) {
    let loc = note.loc;
    let place = null;
    while (!place) {
      place = places.get(JSON.stringify(loc));
      if (!place && !loc.length) break;
      loc = loc.slice(0, -1);
    }
    const box = place ? place.querySelector(":scope > .notes, :scope > .body > .notes, :scope > td > .notes") || place.querySelector(".notes") : $("general-notes");
    const text = note.message + (note.hint ? `（${note.hint}）` : "");
    (box || $("general-notes")).append(el("div", { className: "note " + note.severity, text, title: note.rule }));
    if (note.severity === "error") errors++;
    else others++;
  }
  $("sketch").innerHTML = answer.sketch || '<p class="help">内容有错误，改正后显示预览。</p>';
  $("preview-label").textContent = "近似预览：文字、序号和黄色高亮与 Word 成稿相同；字体、换行和分页以生成的 Word 为准。";
  const parts = [];
  if (errors) parts.push(`${errors} 处错误`);
  if (others) parts.push(`${others} 条提示`);
  if (answer.unfilled) parts.push(`${answer.unfilled} 处未填`);
  if (!answer.saved) say(parts.length ? "检查结果：" + parts.join("，") : "检查通过");
}

async function tab(pages) {
  $("tab-sketch").classList.toggle("on", !pages);
  $("tab-pages").classList.toggle("on", pages);
  $("sketch").hidden = pages;
  $("pages").hidden = !pages;
  if (!pages) return;
  $("preview-label").textContent = "正在用 LibreOffice 排版（几秒钟）……";
  try {
    const answer = await call("pages", { file: state.file, data: state.data });
    $("pages").replaceChildren(...answer.pages.map((src) => el("img", { src, alt: "页面" })));
    $("preview-label").textContent = answer.problems.join("；") || `版面预览：LibreOffice 排出的 ${answer.pages.length} 页，与 Word 中基本一致。内容改动后再点一次刷新。`;
  } catch (error) {
    $("preview-label").textContent = error.message;
  }
}

// ---- saving and rendering -----------------------------------------------------------------

async function save() {
  try {
    const answer = await call("save", { file: state.file, data: state.data });
    state.dirty = false;
    show(answer);
    const time = new Date().toLocaleTimeString("zh-CN");
    say(answer.problems.length ? `已保存（${time}），但还有 ${answer.problems.length} 处错误，见红色提示；改正后才能生成 Word` : `已保存 ${state.file}（${time}）`, answer.problems.length > 0);
  } catch (error) {
    say("未能保存：" + error.message, true);
  }
}

async function render() {
  try {
    const answer = await call("render", { file: state.file, data: state.data });
    state.dirty = false;
    show(answer);
    if (!answer.rendered) {
      say(`已保存，但还有 ${answer.problems.length} 处错误，见红色提示；改正后才能生成 Word`, true);
      return;
    }
    const link = el("a", { href: "api/download?file=" + encodeURIComponent(answer.rendered), text: "下载 " + answer.rendered, download: answer.rendered.split("/").pop(), id: "download" });
    const note = answer.unfilled_count ? `（${answer.unfilled_count} 处未填，已黄色高亮）` : "";
    say(`已生成 ${answer.rendered}${note}`);
    $("status").append(link);
    link.click();
  } catch (error) {
    say("未能生成：" + error.message, true);
  }
}

start().catch((error) => say("页面出错：" + error.message, true));
