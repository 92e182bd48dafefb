// Draws (or redraws) the diagram of a BPMN model in place, as Camunda Modeler shows it: the process on one diagram,
// and every sub-process collapsed on it with a diagram of its own (Modeler's drill-down). The semantic part of the
// file is kept byte for byte; only the diagram interchange is replaced.
// Usage: npm ci --prefix tools/model && node tools/model/layout.mjs processes/complaint-handling.bpmn [more.bpmn …]
import { layoutProcess } from 'bpmn-auto-layout';
import { BpmnModdle } from 'bpmn-moddle';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

const DIAGRAMS = /\s*<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/;

async function parse(xml) {
  const moddle = new BpmnModdle();
  const { rootElement } = await moddle.fromXML(xml);
  return { moddle, definitions: rootElement };
}

function subProcessesOf(container) {
  return (container.flowElements || []).filter((e) => e.$type === 'bpmn:SubProcess')
    .flatMap((s) => [s, ...subProcessesOf(s)]);
}

/** Lays out one container (the process or a sub-process) with its sub-processes drawn as empty boxes. */
async function diagramOf(xml, containerId) {
  const { moddle, definitions } = await parse(xml);
  const process = definitions.rootElements.find((e) => e.$type === 'bpmn:Process');
  const container = containerId === process.id ? process : subProcessesOf(process).find((s) => s.id === containerId);
  for (const sub of subProcessesOf(container)) {
    sub.flowElements = [];
  }
  const alone = moddle.create('bpmn:Process', { id: container.id, isExecutable: true, flowElements: container.flowElements });
  definitions.rootElements = definitions.rootElements.filter((e) => e !== process).concat(alone);
  definitions.diagrams = [];
  const { xml: single } = await moddle.toXML(definitions, { format: true });
  const planFile = join(HERE, `${container.id}.plan.json`);
  const plan = existsSync(planFile) ? JSON.parse(readFileSync(planFile, 'utf8')) : null;
  let laidOut = await layoutProcess(single);
  if (plan) {
    laidOut = await place(laidOut, plan);
  }
  laidOut = await spreadBoundaryEvents(laidOut, plan || {});
  if (!plan) {
    laidOut = await shift(laidOut, 100, 100);
  }
  return laidOut.match(DIAGRAMS)[0]
    .replace(/BPMNDiagram_[^"]*"/, `BPMNDiagram_${container.id}"`)
    .replace(/BPMNPlane_[^"]*"/, `BPMNPlane_${container.id}"`);
}

/**
 * bpmn-auto-layout stacks all boundary events of a task on one spot. Spread them along the host's lower edge and fan
 * their flows out like a staircase (the rightmost event turns first), each end event that only a boundary event leads
 * to placed at the end of its step, labels beside the lines.
 */
async function spreadBoundaryEvents(xml, plan) {
  const { moddle, definitions } = await parse(xml);
  const plane = definitions.diagrams[0].plane;
  const shapes = new Map(plane.planeElement.filter((d) => d.bounds).map((d) => [d.bpmnElement.id, d]));
  const edges = plane.planeElement.filter((d) => d.waypoint);
  const process = definitions.rootElements.find((e) => e.$type === 'bpmn:Process');
  const boundaries = process.flowElements.filter((e) => e.$type === 'bpmn:BoundaryEvent');
  const point = (px, py) => moddle.create('dc:Point', { x: Math.round(px), y: Math.round(py) });
  const label = (x, y, width = 90) => moddle.create('bpmndi:BPMNLabel', {
    bounds: moddle.create('dc:Bounds', { x: Math.round(x), y: Math.round(y), width, height: 27 }),
  });
  const placed = Object.keys(plan.boundaries || {});
  const unplaced = boundaries.filter((b) => !placed.includes(b.id));
  for (const host of [...new Set(unplaced.map((b) => b.attachedToRef))]) {
    const h = shapes.get(host.id).bounds;
    const attached = unplaced.filter((b) => b.attachedToRef === host);
    const left = (plan.fan || {})[host.id] === 'left';
    const step = h.width / attached.length;
    const bottom = h.y + h.height;
    attached.forEach((boundary, i) => {
      const shape = shapes.get(boundary.id);
      shape.bounds.x = Math.round(h.x + step * i + step / 2 - 18);
      shape.bounds.y = bottom - 18;
      const x = shape.bounds.x + 18;
      const depth = bottom + 45 + 45 * (left ? i : attached.length - 1 - i);
      shape.label = label(left ? x - 116 : x + 6, depth - 28, 110);
      for (const flow of boundary.outgoing || []) {
        const target = flow.targetRef;
        const t = shapes.get(target.id).bounds;
        const edge = edges.find((e) => e.bpmnElement === flow);
        if (edge.label) edge.label = undefined;
        if (target.$type === 'bpmn:EndEvent' && (target.incoming || []).length === 1) {
          t.x = left ? h.x - 186 : h.x + h.width + 150;
          t.y = depth - 18;
          shapes.get(target.id).label = label(left ? t.x - 126 : t.x + 42, depth - 13, 120);
          edge.waypoint = [point(x, bottom + 18), point(x, depth), point(left ? t.x + 36 : t.x, depth)];
        } else {
          const entryY = t.y > depth ? t.y : t.y + t.height;
          edge.waypoint = [point(x, bottom + 18), point(x, depth), point(t.x + t.width / 2, depth),
            point(t.x + t.width / 2, entryY)];
        }
      }
    });
  }
  return (await moddle.toXML(definitions, { format: true })).xml;
}

/** Moves a whole diagram, to leave room for Modeler's breadcrumb above a sub-process's diagram. */
async function shift(xml, dx, dy) {
  const { moddle, definitions } = await parse(xml);
  for (const element of definitions.diagrams[0].plane.planeElement) {
    for (const b of [element.bounds, element.label && element.label.bounds].filter(Boolean)) {
      b.x += dx;
      b.y += dy;
    }
    for (const p of element.waypoint || []) {
      p.x += dx;
      p.y += dy;
    }
  }
  return (await moddle.toXML(definitions, { format: true })).xml;
}

/**
 * Puts the shapes where a hand-made plan (tools/model/<process or sub-process id>.plan.json) says and routes the
 * flows it names; every flow between two placed shapes must be named.
 */
async function place(xml, plan) {
  const { moddle, definitions } = await parse(xml);
  const plane = definitions.diagrams[0].plane;
  const shapes = new Map(plane.planeElement.filter((d) => d.bounds).map((d) => [d.bpmnElement.id, d]));
  const edges = plane.planeElement.filter((d) => d.waypoint);
  const px = (col) => 120 + 160 * col;
  const py = (row) => 380 + 130 * row;
  const box = (id) => shapes.get(id).bounds;
  const centre = (id) => ({ x: box(id).x + box(id).width / 2, y: box(id).y + box(id).height / 2 });
  for (const [id, [col, row, width, height]] of Object.entries(plan.shapes)) {
    const b = box(id);
    b.width = width || b.width;
    b.height = height || b.height;
    b.x = Math.round(px(col) - b.width / 2);
    b.y = Math.round(py(row) - b.height / 2);
  }
  for (const [id, [side, offset]] of Object.entries(plan.boundaries || {})) {
    const host = box(shapes.get(id).bpmnElement.attachedToRef.id);
    const b = box(id);
    b.x = Math.round(host.x + host.width / 2 + offset - 18);
    b.y = side === 'top' ? host.y - 18 : host.y + host.height - 18;
  }
  for (const [id, [dx, dy]] of Object.entries(plan.labels || {})) {
    const shape = shapes.get(id);
    if (!shape.label || !shape.label.bounds) {
      shape.label = moddle.create('bpmndi:BPMNLabel', { bounds: moddle.create('dc:Bounds', { width: 90, height: 27 }) });
    }
    const c = centre(id);
    shape.label.bounds.x = Math.round(c.x + dx - shape.label.bounds.width / 2);
    shape.label.bounds.y = Math.round(c.y + dy);
  }
  const point = (x, y) => moddle.create('dc:Point', { x: Math.round(x), y: Math.round(y) });
  // where a flow leaves or enters a shape going in direction (dx, dy)
  const side = (id, dx, dy) => {
    const b = box(id);
    const c = centre(id);
    return { x: c.x + (dx * b.width) / 2, y: c.y + (dy * b.height) / 2 };
  };
  const sign = (v) => (v > 0 ? 1 : v < 0 ? -1 : 0);
  for (const [key, route] of Object.entries(plan.flows)) {
    const [source, target] = key.split('>');
    const edge = edges.find((e) => e.bpmnElement.sourceRef.id === source && e.bpmnElement.targetRef.id === target);
    if (!edge) throw new Error(`no flow ${key}`);
    const s = centre(source);
    const t = centre(target);
    const [kind, arg] = route.split(':');
    let points;
    if (kind === 'h') {
      const d = sign(t.x - s.x);
      points = [side(source, d, 0), { x: side(target, -d, 0).x, y: side(source, d, 0).y }];
    } else if (kind === 'v') {
      const d = sign(t.y - s.y);
      points = [side(source, 0, d), { x: side(source, 0, d).x, y: side(target, 0, -d).y }];
    } else if (kind === 'hv') {
      const a = side(source, sign(t.x - s.x), 0);
      points = [a, { x: t.x, y: a.y }, side(target, 0, sign(a.y - t.y))];
    } else if (kind === 'vh') {
      const a = side(source, 0, sign(t.y - s.y));
      points = [a, { x: a.x, y: t.y }, side(target, sign(a.x - t.x), 0)];
    } else if (kind === 'hvh') {
      const a = side(source, sign(t.x - s.x), 0);
      points = [a, { x: px(Number(arg)), y: a.y }, { x: px(Number(arg)), y: t.y }, side(target, sign(px(Number(arg)) - t.x), 0)];
    } else if (kind === 'vhv') {
      const a = side(source, 0, sign(py(Number(arg)) - s.y));
      points = [a, { x: a.x, y: py(Number(arg)) }, { x: t.x, y: py(Number(arg)) }, side(target, 0, sign(py(Number(arg)) - t.y))];
    } else {
      throw new Error(`unknown route ${route}`);
    }
    edge.waypoint = points.map((p) => point(p.x, p.y));
    edge.label = undefined;
    const at = (plan.flowLabels || {})[key];
    if (at) {
      // the label's top left, as an offset from where the flow leaves its source
      edge.label = moddle.create('bpmndi:BPMNLabel', { bounds: moddle.create('dc:Bounds',
        { x: Math.round(points[0].x + at[0]), y: Math.round(points[0].y + at[1]), width: 90, height: 27 }) });
    }
  }
  const routed = Object.keys(plan.flows);
  const boundaryFlow = (e) => e.bpmnElement.sourceRef.$type === 'bpmn:BoundaryEvent' && !(plan.boundaries || {})[e.bpmnElement.sourceRef.id];
  const unrouted = edges.filter((e) => !boundaryFlow(e))
    .map((e) => `${e.bpmnElement.sourceRef.id}>${e.bpmnElement.targetRef.id}`).filter((k) => !routed.includes(k));
  if (unrouted.length) throw new Error(`the plan names no route for ${unrouted.join(', ')}`);
  return (await moddle.toXML(definitions, { format: true })).xml;
}

function withDiagramNamespaces(xml) {
  const namespaces = {
    bpmndi: 'http://www.omg.org/spec/BPMN/20100524/DI',
    dc: 'http://www.omg.org/spec/DD/20100524/DC',
    di: 'http://www.omg.org/spec/DD/20100524/DI',
  };
  let result = xml;
  for (const [prefix, uri] of Object.entries(namespaces)) {
    if (!result.includes(`xmlns:${prefix}=`)) {
      result = result.replace('<bpmn:definitions ', `<bpmn:definitions xmlns:${prefix}="${uri}" `);
    }
  }
  return result;
}

for (const file of process.argv.slice(2)) {
  const xml = readFileSync(file, 'utf8');
  const semantic = withDiagramNamespaces(xml.replace(DIAGRAMS, ''));
  const { definitions } = await parse(semantic);
  const process = definitions.rootElements.find((e) => e.$type === 'bpmn:Process');
  const diagrams = [];
  for (const container of [process, ...subProcessesOf(process)]) {
    diagrams.push(await diagramOf(semantic, container.id));
  }
  writeFileSync(file, semantic.replace(/\s*<\/bpmn:definitions>\s*$/, `${diagrams.join('')}\n</bpmn:definitions>\n`));
  console.log(`laid out ${file}: ${diagrams.length} diagram(s)`);
}
