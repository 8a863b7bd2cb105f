// Parse Mermaid diagrams with the real Mermaid parser (flowc's tests/graph).
// stdin: a JSON list of diagram texts; stdout: a JSON list, per diagram either
// {"ok": true, "type", "vertices": {id: label}, "edges": [[start, end]], "subgraphs": [[id, label, [member ids]]]}
// or {"ok": false, "error": "..."}.
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const texts = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const results = [];
for (const text of texts) {
  try {
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    const db = diagram.db;
    results.push({
      ok: true,
      type: diagram.type,
      vertices: Object.fromEntries([...db.getVertices().values()].map((v) => [v.id, v.text])),
      edges: db.getEdges().map((e) => [e.start, e.end]),
      subgraphs: db.getSubGraphs().map((s) => [s.id, s.title, s.nodes]),
    });
  } catch (error) {
    results.push({ ok: false, error: String(error && error.message ? error.message : error) });
  }
}
process.stdout.write(JSON.stringify(results));
