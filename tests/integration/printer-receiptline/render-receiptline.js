// Renders text lines with receiptline (npm, 4.0.4, Apache-2.0): an independent ESC/POS encoder that
// tst_printer_receiptline compares with ours. Usage: node render-receiptline.js IN.json OUT.bin
//   IN.json: {"cpl": 48, "lines": ["社区服务中心", "Case A-1", ...]}
// Each text line becomes one receiptline line, its markup characters escaped, so the printed text is
// exactly the input. Needs NODE_PATH pointing at the node_modules the test set-up installed.
const receiptline = require('receiptline');
const fs = require('fs');
const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const escape = (text) => text.replace(/[\\|{}\-=~_"`^]/g, (c) => '\\' + c);
const doc = input.lines.map((line) => '|' + escape(line)).join('\n') + '\n';
const out = receiptline.transform(doc, {
  cpl: input.cpl || 48,
  encoding: 'gb18030',
  command: 'escpos',
  cutting: true,
});
fs.writeFileSync(process.argv[3], Buffer.from(out, 'binary'));
