// news-tag-peers.cjs: the npm taggers a JavaScript user would reach for,
// run the way news-tag runs: sentence records in, the same records with
// "entities" (text, type, start, end) out.
//
// usage: node bench/news-tag-peers.cjs compromise|wink < in.jsonl > out.jsonl
'use strict';
const readline = require('readline');
const which = process.argv[2];
let tag;
if (which === 'compromise') {
	const nlp = require('compromise');
	tag = (text) => {
		const doc = nlp(text);
		const out = [];
		for (const [m, type] of [[doc.people(), 'PERSON'], [doc.places(), 'GPE'],
		    [doc.organizations(), 'ORG']]) {
			for (const e of m.json({ offset: true })) {
				const o = e.offset || e.terms[0].offset;
				out.push({ text: e.text, type, start: o.start, end: o.start + o.length });
			}
		}
		return out;
	};
} else if (which === 'wink') {
	const winkNLP = require('wink-nlp');
	const model = require('wink-eng-lite-web-model');
	const nlp = winkNLP(model);
	const its = nlp.its;
	tag = (text) => nlp.readDoc(text).entities().out(its.detail)
		.map((e) => ({ text: e.value, type: e.type }));
} else {
	console.error('usage: news-tag-peers.cjs compromise|wink');
	process.exit(2);
}
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
const out = [];
rl.on('line', (line) => {
	if (!line) return;
	const rec = JSON.parse(line);
	rec.entities = tag(rec.text);
	out.push(JSON.stringify(rec));
	if (out.length >= 1000) process.stdout.write(out.splice(0).join('\n') + '\n');
});
rl.on('close', () => { if (out.length) process.stdout.write(out.join('\n') + '\n'); });
