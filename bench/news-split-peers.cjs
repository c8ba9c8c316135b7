// news-split-peers.cjs: the peers doing news-split's job, for bench/news-split.sh.
//
// usage: node news-split-peers.cjs sentencex|sbd < docs.jsonl > sentences.jsonl
// Reads documents as JSON Lines and writes one record per sentence (the
// document's fields, id DOC:N, text, doc, sent), as news-split does but
// without offsets, which neither peer gives.
"use strict";
const fs = require("fs");
const which = process.argv[2];
let split;
if (which === "sentencex") {
  const sentencex = require("sentencex");
  split = (text) => sentencex.segment("en", text);
} else if (which === "sbd") {
  const sbd = require("sbd");
  split = (text) => sbd.sentences(text, { newline_boundaries: true });
} else {
  process.stderr.write("usage: node news-split-peers.cjs sentencex|sbd\n");
  process.exit(2);
}

const input = fs.readFileSync(0, "utf8");
let out = [];
let outLen = 0;
// stdout may be a non-blocking pipe: write all of it, waiting when full
const writeAll = (buf) => {
  let off = 0;
  while (off < buf.length) {
    try {
      off += fs.writeSync(1, buf, off);
    } catch (e) {
      if (e.code !== "EAGAIN") throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
};
const flush = () => {
  writeAll(Buffer.from(out.join("")));
  out = [];
  outLen = 0;
};
let failed = 0;
let start = 0;
while (start < input.length) {
  let end = input.indexOf("\n", start);
  if (end < 0) end = input.length;
  const line = input.slice(start, end);
  start = end + 1;
  if (!line.trim()) continue;
  const doc = JSON.parse(line);
  let sentences;
  try {
    sentences = split(doc.text);
  } catch (e) {
    failed++;               // sentencex panics on some texts: keep it whole
    sentences = [doc.text];
  }
  for (let i = 0; i < sentences.length; i++) {
    const rec = Object.assign({}, doc, { id: `${doc.id}:${i}`, text: sentences[i], doc: doc.id, sent: i });
    const s = JSON.stringify(rec) + "\n";
    out.push(s);
    outLen += s.length;
    if (outLen > 1 << 20) flush();
  }
}
flush();
if (failed) process.stderr.write(`${which}: failed on ${failed} documents (kept whole)\n`);
