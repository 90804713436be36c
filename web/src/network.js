// The actor network of the most active dyads: a force layout computed once (deterministic:
// d3-force starts from a fixed spiral), edges coloured by cooperation/conflict balance.

import { select } from 'd3-selection';
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation } from 'd3-force';
import { scaleSqrt } from 'd3-scale';
import { balanceColor, esc, tooltip } from './api.js';

export function drawNetwork(container, dyads, { selected, onEdge, onNode }) {
  const tip = tooltip();
  container.innerHTML = '';
  if (!dyads.length) {
    container.innerHTML = '<p class="empty">No dyads in the store yet.</p>';
    return;
  }
  const width = Math.max(container.clientWidth, 280);
  const height = 360;
  const byCode = new Map();
  for (const d of dyads) {
    for (const [code, name] of [
      [d.source, d.source_name],
      [d.target, d.target_name],
    ]) {
      if (!byCode.has(code)) byCode.set(code, { id: code, name, total: 0 });
      byCode.get(code).total += d.count;
    }
  }
  const nodes = [...byCode.values()];
  const links = dyads.map((d) => ({ ...d, source: d.source, target: d.target, key: `${d.source}>${d.target}` }));
  const r = scaleSqrt()
    .domain([0, Math.max(...nodes.map((n) => n.total))])
    .range([4, 18]);
  const w = scaleSqrt()
    .domain([0, Math.max(...links.map((l) => l.count))])
    .range([1, 7]);

  const sim = forceSimulation(nodes)
    .force('link', forceLink(links).id((n) => n.id).distance(90))
    .force('charge', forceManyBody().strength(-260))
    .force('center', forceCenter(width / 2, height / 2))
    .force('collide', forceCollide((n) => r(n.total) + 12))
    .stop();
  for (let i = 0; i < 300; i++) sim.tick();
  for (const n of nodes) {
    n.x = Math.max(24, Math.min(width - 24, n.x));
    n.y = Math.max(20, Math.min(height - 20, n.y));
  }

  const svg = select(container)
    .append('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('role', 'img')
    .attr('aria-label', 'Network of the most active dyads');
  const defs = svg.append('defs');
  const edges = svg.append('g').attr('class', 'edges');
  for (const [i, l] of links.entries()) {
    const color = balanceColor(l.balance);
    defs
      .append('marker')
      .attr('id', `arrow-${i}`)
      .attr('viewBox', '0 -4 8 8')
      .attr('refX', 8)
      .attr('markerUnits', 'userSpaceOnUse')
      .attr('markerWidth', 9)
      .attr('markerHeight', 9)
      .attr('orient', 'auto')
      .append('path')
      .attr('d', 'M0,-4L8,0L0,4')
      .attr('fill', color);
    // Curved, so A→B and B→A stay apart; ending at the target's rim.
    const { x: x1, y: y1 } = l.source;
    const { x: x2, y: y2 } = l.target;
    const dx = x2 - x1;
    const dy = y2 - y1;
    const len = Math.hypot(dx, dy) || 1;
    const tr = r(l.target.total) + 3;
    const ex = x2 - (dx / len) * tr;
    const ey = y2 - (dy / len) * tr;
    const bend = len * 0.18;
    const cx = (x1 + ex) / 2 - (dy / len) * bend;
    const cy = (y1 + ey) / 2 + (dx / len) * bend;
    const isSelected =
      selected && ((selected.source === l.source.id && selected.target === l.target.id) ||
        (selected.both && selected.source === l.target.id && selected.target === l.source.id));
    edges
      .append('path')
      .attr('class', `edge${isSelected ? ' selected' : ''}`)
      .attr('data-dyad', l.key)
      .attr('d', `M${x1},${y1} Q${cx},${cy} ${ex},${ey}`)
      .attr('stroke', color)
      .attr('stroke-width', w(l.count))
      .attr('marker-end', `url(#arrow-${i})`)
      .on('mousemove', (ev) =>
        tip.show(
          ev,
          `<b>${esc(l.source_name || l.source.id)} → ${esc(l.target_name || l.target.id)}</b><br>` +
            `${l.count} events: ${l.cooperation} cooperation, ${l.conflict} conflict<br>` +
            `mean Goldstein ${l.goldstein_mean.toFixed(2)}`,
        ),
      )
      .on('mouseleave', () => tip.hide())
      .on('click', () => onEdge(l.source, l.target));
  }
  const node = svg
    .append('g')
    .attr('class', 'nodes')
    .selectAll('g')
    .data(nodes)
    .join('g')
    .attr('class', 'node')
    .attr('data-code', (n) => n.id)
    .attr('transform', (n) => `translate(${n.x},${n.y})`)
    .on('click', (_, n) => onNode(n))
    .on('mousemove', (ev, n) => tip.show(ev, `<b>${esc(n.name || n.id)}</b> (${esc(n.id)})<br>${n.total} events in these dyads`))
    .on('mouseleave', () => tip.hide());
  node.append('circle').attr('r', (n) => r(n.total));
  node
    .append('text')
    .attr('dy', (n) => -r(n.total) - 4)
    .attr('text-anchor', 'middle')
    .text((n) => n.id);
}
