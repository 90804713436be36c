// The dyad's time series: event counts per quad class (lines with points) and the mean
// Goldstein score (right axis), with detected shifts marked as vertical rules.

import { select } from 'd3-selection';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import { axisBottom, axisLeft, axisRight } from 'd3-axis';
import { QUAD, esc, tooltip } from './api.js';

const parseDay = (s) => new Date(`${s}T00:00:00Z`);

export function drawSeries(container, legend, { points, shifts, period }, onShift) {
  const tip = tooltip();
  container.innerHTML = '';
  const width = Math.max(container.clientWidth, 320);
  const height = 320;
  const m = { top: 22, right: 48, bottom: 28, left: 40 };
  if (!points.length) {
    container.innerHTML = '<p class="empty">No dated events for this dyad and these dates.</p>';
    legend.innerHTML = '';
    return;
  }
  const dates = points.map((p) => parseDay(p.start));
  const x = scaleUtc()
    .domain([dates[0], dates[dates.length - 1]])
    .range([m.left, width - m.right]);
  if (dates.length === 1) x.domain([new Date(+dates[0] - 864e5 * 7), new Date(+dates[0] + 864e5 * 7)]);
  const maxCount = Math.max(1, ...points.flatMap((p) => QUAD.map((q) => p[q.key])));
  const y = scaleLinear().domain([0, maxCount]).nice().range([height - m.bottom, m.top]);
  const g = scaleLinear().domain([-10, 10]).range([height - m.bottom, m.top]);

  const svg = select(container)
    .append('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('role', 'img')
    .attr('aria-label', 'Events per period by quad class, and mean Goldstein score');

  svg
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${height - m.bottom})`)
    .call(axisBottom(x).ticks(Math.min(10, Math.floor(width / 90))).tickSizeOuter(0));
  svg
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(${m.left},0)`)
    .call(axisLeft(y).ticks(5).tickSize(-(width - m.left - m.right)))
    .call((a) => a.selectAll('.tick line').attr('class', 'gridline'));
  svg
    .append('g')
    .attr('class', 'axis goldstein-axis')
    .attr('transform', `translate(${width - m.right},0)`)
    .call(axisRight(g).tickValues([-10, -5, 0, 5, 10]));
  svg.append('text').attr('class', 'axis-label').attr('x', m.left).attr('y', 12).text(`events per ${period}`);
  svg
    .append('text')
    .attr('class', 'axis-label')
    .attr('x', width - m.right)
    .attr('y', 12)
    .attr('text-anchor', 'end')
    .text('mean Goldstein');
  svg
    .append('line')
    .attr('class', 'zero')
    .attr('x1', m.left)
    .attr('x2', width - m.right)
    .attr('y1', g(0))
    .attr('y2', g(0));

  // Shifts under the data.
  const marks = svg.append('g').attr('class', 'shift-marks');
  for (const [i, s] of shifts.entries()) {
    const sx = x(parseDay(s.date));
    if (sx < m.left || sx > width - m.right) continue;
    const mark = marks
      .append('g')
      .attr('class', `shift-mark ${s.kind} ${s.direction.includes('conflict') || s.direction.includes('fewer') ? 'down' : 'up'}`)
      .attr('data-date', s.date)
      .on('click', () => onShift?.(i));
    mark.append('line').attr('x1', sx).attr('x2', sx).attr('y1', m.top).attr('y2', height - m.bottom);
    mark
      .append('text')
      .attr('x', sx + 4)
      .attr('y', m.top + 10 + (i % 3) * 12)
      .text(`${s.kind === 'tone' ? '◆' : '▲'} ${s.direction}`);
  }

  for (const q of QUAD) {
    svg
      .append('path')
      .attr('class', 'series-line')
      .attr('stroke', q.color)
      .attr(
        'd',
        line()
          .x((p) => x(parseDay(p.start)))
          .y((p) => y(p[q.key]))(points),
      );
    svg
      .append('g')
      .selectAll('circle')
      .data(points)
      .join('circle')
      .attr('class', `point ${q.key}`)
      .attr('r', 3)
      .attr('fill', q.color)
      .attr('cx', (p) => x(parseDay(p.start)))
      .attr('cy', (p) => y(p[q.key]))
      .on('mousemove', (ev, p) => tip.show(ev, `<b>${esc(p.start)}</b><br>${esc(q.name)}: ${p[q.key]}`))
      .on('mouseleave', () => tip.hide());
  }
  const withMean = points.filter((p) => p.goldstein_mean !== null);
  svg
    .append('path')
    .attr('class', 'series-line goldstein')
    .attr(
      'd',
      line()
        .defined((p) => p.goldstein_mean !== null)
        .x((p) => x(parseDay(p.start)))
        .y((p) => g(p.goldstein_mean))(points),
    );
  svg
    .append('g')
    .selectAll('rect')
    .data(withMean)
    .join('rect')
    .attr('class', 'point goldstein')
    .attr('width', 6)
    .attr('height', 6)
    .attr('x', (p) => x(parseDay(p.start)) - 3)
    .attr('y', (p) => g(p.goldstein_mean) - 3)
    .on('mousemove', (ev, p) =>
      tip.show(ev, `<b>${esc(p.start)}</b><br>mean Goldstein ${p.goldstein_mean.toFixed(2)} over ${p.count} events`),
    )
    .on('mouseleave', () => tip.hide());

  legend.innerHTML =
    QUAD.map((q) => `<span><i style="background:${q.color}"></i>${esc(q.name)}</span>`).join('') +
    '<span><i class="goldstein-key"></i>Mean Goldstein (right axis)</span>' +
    (shifts.length ? '<span><i class="shift-key"></i>Detected shift</span>' : '');
}
