// A world map of event locations: Natural Earth 1:110m countries from the world-atlas package,
// bundled into the page (no tile server), with a circle per place sized by its events.

import { select } from 'd3-selection';
import { geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo';
import { scaleSqrt } from 'd3-scale';
import { feature, mesh } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import { esc, goldsteinColor, tooltip } from './api.js';

const land = feature(world, world.objects.countries);
const borders = mesh(world, world.objects.countries, (a, b) => a !== b);

export function drawMap(container, places, onPlace) {
  const tip = tooltip();
  container.innerHTML = '';
  const width = Math.max(container.clientWidth, 280);
  const height = Math.round(width * 0.52);
  const projection = geoNaturalEarth1().fitExtent(
    [
      [4, 4],
      [width - 4, height - 4],
    ],
    { type: 'Sphere' },
  );
  const path = geoPath(projection);
  const svg = select(container)
    .append('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('role', 'img')
    .attr('aria-label', 'World map of event locations');
  svg.append('path').attr('class', 'sphere').attr('d', path({ type: 'Sphere' }));
  svg.append('path').attr('class', 'graticule').attr('d', path(geoGraticule10()));
  svg.append('g').selectAll('path').data(land.features).join('path').attr('class', 'land').attr('d', path);
  svg.append('path').attr('class', 'borders').attr('d', path(borders));
  if (!places.length) {
    svg
      .append('text')
      .attr('class', 'map-empty')
      .attr('x', width / 2)
      .attr('y', height / 2)
      .attr('text-anchor', 'middle')
      .text('No located events for this selection');
    return;
  }
  const r = scaleSqrt()
    .domain([0, Math.max(...places.map((p) => p.count))])
    .range([2.5, 16]);
  svg
    .append('g')
    .selectAll('circle')
    .data([...places].sort((a, b) => b.count - a.count))
    .join('circle')
    .attr('class', 'place')
    .attr('data-name', (p) => p.name)
    .attr('transform', (p) => `translate(${projection([p.lon, p.lat])})`)
    .attr('r', (p) => r(p.count))
    .attr('fill', (p) => goldsteinColor(p.goldstein_mean))
    .on('mousemove', (ev, p) =>
      tip.show(
        ev,
        `<b>${esc(p.name)}</b>${p.country ? ` (${esc(p.country)})` : ''}<br>${p.count} events: ` +
          `${p.cooperation} cooperation, ${p.conflict} conflict<br>mean Goldstein ${p.goldstein_mean.toFixed(2)}`,
      ),
    )
    .on('mouseleave', () => tip.hide())
    .on('click', (_, p) => onPlace?.(p));
}
