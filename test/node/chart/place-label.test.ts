// Label placement (src/chart/place-label.ts): boxes against points and segments, by hand geometry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boxesMeet, collides, placeLabel, segmentHitsBox } from '../../../src/chart/place-label.js';

const box = { x0: 10, y0: 10, x1: 30, y1: 20 };

test('segments: through, touching, beside and along a box', () => {
  assert.equal(segmentHitsBox({ x: 0, y: 15 }, { x: 40, y: 15 }, box), true); // straight through
  assert.equal(segmentHitsBox({ x: 0, y: 0 }, { x: 40, y: 30 }, box), true); // diagonal through
  assert.equal(segmentHitsBox({ x: 0, y: 0 }, { x: 9, y: 30 }, box), false); // passes left of it
  assert.equal(segmentHitsBox({ x: 0, y: 25 }, { x: 40, y: 25 }, box), false); // below it
  assert.equal(segmentHitsBox({ x: 15, y: 12 }, { x: 16, y: 13 }, box), true); // wholly inside
  assert.equal(segmentHitsBox({ x: 30, y: 0 }, { x: 30, y: 5 }, box), false); // ends above the corner
});

test('points count with their radius; gaps in a line are skipped', () => {
  assert.equal(collides(box, { points: [{ x: 33, y: 15 }], radius: 4, lines: [] }), true);
  assert.equal(collides(box, { points: [{ x: 35, y: 15 }], radius: 4, lines: [] }), false);
  assert.equal(collides(box, { points: [], radius: 0, lines: [[{ x: 0, y: 15 }, { x: NaN, y: NaN }, { x: 40, y: 15 }]] }), false);
});

test('the first free candidate inside the bounds wins; none when all collide', () => {
  const bounds = { x0: 0, y0: 0, x1: 100, y1: 100 };
  const line = [[{ x: 0, y: 15 }, { x: 100, y: 15 }]];
  const low = { x0: 10, y0: 30, x1: 30, y1: 40 }, out = { x0: 90, y0: 30, x1: 110, y1: 40 };
  assert.deepEqual(placeLabel([box, out, low], { points: [], radius: 0, lines: line }, bounds), low);
  assert.equal(placeLabel([box], { points: [], radius: 0, lines: line }, bounds), undefined);
});

test('labels already placed are obstacles; boxes sharing an edge do not meet', () => {
  const right = { x0: 30, y0: 10, x1: 50, y1: 20 }, over = { x0: 25, y0: 18, x1: 45, y1: 28 };
  assert.equal(boxesMeet(box, right), false); // side by side
  assert.equal(boxesMeet(box, over), true); // 5 × 2 px in common
  assert.equal(collides(over, { points: [], radius: 0, lines: [], boxes: [box] }), true);
  assert.equal(collides(right, { points: [], radius: 0, lines: [], boxes: [box] }), false);
});
