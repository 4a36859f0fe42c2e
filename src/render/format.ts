/**
 * Templates are written in a small, plain Markdown: headings, paragraphs, bullet
 * lists, checkboxes, **bold**, rules. This turns it into plain text, or into a
 * self-contained printable HTML page (no external resources). In HTML the values
 * were already escaped by Handlebars; this only adds our own tags around them.
 */

export function tidy(text: string): string {
  return `${text
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}

/** The plain-text version of a document, tidied. */
export function toText(markdown: string): string {
  const lines = markdown
    .split("\n")
    .map((line) =>
      line
        .replace(/^#{1,6}\s+/, "")
        .replace(/^(\s*)[-*] \[([ xX])\] /, (_m, indent: string, mark: string) => `${indent}[${mark === " " ? " " : "x"}] `)
        .replace(/\*\*(.+?)\*\*/g, "$1"),
    )
    .filter((line) => !/^-{3,}$/.test(line.trim()));
  return tidy(lines.join("\n"));
}

const inline = (text: string): string =>
  text
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/(\[\[[^\]]+\]\])/g, '<mark class="to-confirm">$1</mark>');

/** The block structure of our Markdown, as HTML. */
export function markdownToHtml(markdown: string): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (paragraph.length) out.push(`<p>${paragraph.map(inline).join("<br>\n")}</p>`);
    if (list.length) out.push(`<ul>\n${list.join("\n")}\n</ul>`);
    paragraph = [];
    list = [];
  };
  for (const raw of markdown.split("\n")) {
    const line = raw.trimEnd();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = /^\s*[-*]\s+(?:\[([ xX])\]\s+)?(.*)$/.exec(line);
    if (line.trim() === "") flush();
    else if (/^-{3,}$/.test(line.trim())) {
      flush();
      out.push("<hr>");
    } else if (heading) {
      flush();
      const level = heading[1]!.length;
      out.push(`<h${level}>${inline(heading[2]!)}</h${level}>`);
    } else if (item) {
      if (paragraph.length) flush();
      const box = item[1] === undefined ? "" : item[1] === " " ? '<span class="box">☐</span> ' : '<span class="box">☑</span> ';
      list.push(`<li>${box}${inline(item[2]!)}</li>`);
    } else {
      if (list.length) flush();
      paragraph.push(line);
    }
  }
  flush();
  return out.join("\n");
}

const STYLE = [
  "body{font:11.5pt/1.55 Georgia,'Times New Roman',serif;color:#111;max-width:42em;margin:2em auto;padding:0 1.2em}",
  "h1{font-size:1.45em;margin:0 0 .8em}h2{font-size:1.15em;margin:1.6em 0 .4em;border-bottom:1px solid #999}h3{font-size:1em;margin:1.2em 0 .3em}",
  "ul{padding-left:1.3em}li{margin:.25em 0}.box{font-family:sans-serif}",
  "mark.to-confirm{background:#ffe08a;padding:0 .15em}",
  "hr{border:0;border-top:1px solid #999;margin:1.5em 0}",
  "@media print{body{margin:0;max-width:none}h2{break-after:avoid}li{break-inside:avoid}mark.to-confirm{outline:1px solid #000}}",
].join("\n");

const escapeText = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function htmlPage(bodyHtml: string, title: string, lang: string): string {
  return [
    "<!doctype html>",
    `<html lang="${escapeText(lang)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeText(title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    "</head>",
    "<body>",
    bodyHtml,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
