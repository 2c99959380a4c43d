// Export of the current view as PNG for a report: a title band (the dataset's title, then what is shown), the map
// as on screen (the layer canvases composed in order: OpenLayers' export recipe), and beside it, never over it, a
// panel with the legend, a north arrow and a scale bar; the run's stamp in a band at the bottom.
import { getPointResolution } from 'ol/proj.js';
import { t } from './i18n.js';
import { state } from './state.js';
import { legendEntries } from './legend.js';
import { noDataPattern } from './ramp.js';
import { context2d } from './dom.js';

const PANEL = 250; // legend panel width, CSS px
const TITLE = 44; // title band height
const FOOTER = 26; // stamp band height
const GAP = 12;

function composeMap(map, ctx, top) {
  for (const layerCanvas of map.getViewport().querySelectorAll('.ol-layer canvas, canvas.ol-layer')) {
    if (layerCanvas.width === 0) continue;
    const opacity = layerCanvas.parentNode.style.opacity || layerCanvas.style.opacity;
    ctx.globalAlpha = opacity === '' ? 1 : Number(opacity);
    const match = layerCanvas.style.transform.match(/^matrix\(([^(]*)\)$/);
    const matrix = match ? match[1].split(',').map(Number) : [layerCanvas.style.width ? parseFloat(layerCanvas.style.width) / layerCanvas.width : 1, 0, 0, 1, 0, 0];
    // The layer's own transform maps its canvas to CSS pixels of the map; the export's (ratio, offset) puts that
    // map below the title band.
    const ratio = window.devicePixelRatio || 1;
    ctx.setTransform(ratio, 0, 0, ratio, 0, top * ratio);
    ctx.transform(...matrix);
    const background = layerCanvas.parentNode.style.backgroundColor;
    if (background) {
      ctx.fillStyle = background;
      ctx.fillRect(0, 0, layerCanvas.width, layerCanvas.height);
    }
    ctx.drawImage(layerCanvas, 0, 0);
  }
  ctx.globalAlpha = 1;
}

function fitFont(ctx, text, width, largest, smallest, weight = 'bold') {
  for (let size = largest; size > smallest; size--) {
    ctx.font = `${weight} ${size}px sans-serif`;
    if (ctx.measureText(text).width <= width) return size;
  }
  ctx.font = `${weight} ${smallest}px sans-serif`;
  return smallest;
}

function drawTitle(ctx, width, title) {
  const datasetTitle = state.meta && state.meta.title;
  const main = datasetTitle || title;
  const sub = datasetTitle ? title : '';
  ctx.fillStyle = '#111111';
  ctx.textBaseline = 'top';
  ctx.textAlign = 'center';
  fitFont(ctx, main, width - 2 * GAP, 17, 10);
  ctx.fillText(main, width / 2, 5, width - 2 * GAP);
  if (sub) {
    fitFont(ctx, sub, width - 2 * GAP, 13, 9, 'normal');
    ctx.fillStyle = '#444444';
    ctx.fillText(sub, width / 2, 25, width - 2 * GAP);
  }
  ctx.textAlign = 'left';
  return { x: 0, y: 0, w: width, h: TITLE, main, sub };
}

function drawLegend(ctx, layers, left, top, width) {
  const groups = legendEntries(layers).filter((g) => g.entries.length);
  let y = top;
  ctx.textBaseline = 'top';
  for (const g of groups) {
    if (g.title) {
      ctx.fillStyle = '#111111';
      fitFont(ctx, g.title, width, 12, 9);
      ctx.fillText(g.title, left, y, width);
      y += 18;
    }
    ctx.font = '12px sans-serif';
    for (const e of g.entries) {
      ctx.fillStyle = e.colour;
      ctx.strokeStyle = '#555555';
      ctx.lineWidth = 1;
      if (e.shape === 'dot') {
        ctx.beginPath();
        ctx.arc(left + 7, y + 6, Math.min(8, e.size || 6), 0, 2 * Math.PI);
        ctx.fill();
        ctx.stroke();
      } else {
        if (e.hatched) ctx.fillStyle = noDataPattern();
        ctx.fillRect(left, y, 16, 12);
        ctx.strokeRect(left, y, 16, 12);
      }
      ctx.fillStyle = '#111111';
      ctx.fillText(e.label, left + 24, y, width - 24);
      y += 18;
    }
    y += 6;
  }
  return { x: left, y: top, w: width, h: y - top };
}

function drawNorthArrow(ctx, cx, top, rotation) {
  const h = 40;
  ctx.save();
  ctx.translate(cx, top + 16 + h / 2);
  ctx.rotate(rotation);
  ctx.beginPath();
  ctx.moveTo(0, -h / 2);
  ctx.lineTo(-10, h / 2);
  ctx.lineTo(0, h / 2 - 10);
  ctx.closePath();
  ctx.fillStyle = '#111111';
  ctx.fill();
  ctx.beginPath();
  ctx.moveTo(0, -h / 2);
  ctx.lineTo(10, h / 2);
  ctx.lineTo(0, h / 2 - 10);
  ctx.closePath();
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.strokeStyle = '#111111';
  ctx.lineWidth = 1.2;
  ctx.stroke();
  ctx.restore();
  ctx.fillStyle = '#111111';
  ctx.font = 'bold 13px sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillText(t('export.north'), cx, top);
  ctx.textAlign = 'left';
  return { x: cx - 14, y: top, w: 28, h: h + 18 };
}

// The longest 1, 2 or 5 × 10^k metres that fits in maxPx at the view's centre (Web Mercator stretches with latitude).
function scaleLength(map, maxPx) {
  const view = map.getView();
  const metresPerPx = getPointResolution(view.getProjection(), view.getResolution(), view.getCenter(), 'm');
  let best = 1;
  for (let p = 1; p < 1e7; p *= 10) {
    for (const m of [1, 2, 5]) if (m * p / metresPerPx <= maxPx) best = m * p;
  }
  return { metres: best, px: best / metresPerPx };
}

function drawScaleBar(ctx, map, left, top, maxPx) {
  const { metres, px } = scaleLength(map, maxPx);
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  const barTop = top + 16;
  for (let i = 0; i < 4; i++) {
    ctx.fillStyle = i % 2 === 0 ? '#111111' : '#ffffff';
    ctx.fillRect(left + (i * px) / 4, barTop, px / 4, 7);
  }
  ctx.strokeStyle = '#111111';
  ctx.lineWidth = 1;
  ctx.strokeRect(left, barTop, px, 7);
  ctx.fillStyle = '#111111';
  ctx.font = '11px sans-serif';
  ctx.textBaseline = 'top';
  ctx.fillText('0', left - 3, top);
  ctx.textAlign = 'right';
  ctx.fillText(label, left + px + 3, top);
  ctx.textAlign = 'left';
  return { x: left, y: barTop, w: px, h: 7, label };
}

function drawStamp(ctx, top, width) {
  if (!state.stamp) return;
  const stamp = `${t('popup.stamp', { stamp: state.stamp.stamp_id || state.stamp.stampId || '' })} · ${state.stamp.dataset || ''} · ${state.stamp.norms_version || state.stamp.normsVersion || ''}`;
  ctx.font = '11px sans-serif';
  ctx.fillStyle = '#333333';
  ctx.textBaseline = 'top';
  ctx.fillText(stamp, GAP, top + 7, width - 2 * GAP);
}

/** Draws the whole sheet; returns the canvas and where each part went (CSS px). */
export function composeSheet(map, layers, title) {
  const [mapW, mapH] = map.getSize();
  const ratio = window.devicePixelRatio || 1;
  const width = mapW + PANEL;
  const height = TITLE + mapH + FOOTER;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const ctx = context2d(canvas);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  // The map's own background (the page's CSS, seen where no layer draws) so the export shows what the screen does.
  const background = getComputedStyle(map.getTargetElement()).backgroundColor;
  if (background && background !== 'rgba(0, 0, 0, 0)' && background !== 'transparent') {
    ctx.fillStyle = background;
    ctx.fillRect(0, TITLE * ratio, mapW * ratio, mapH * ratio);
  }
  composeMap(map, ctx, TITLE);
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.strokeStyle = '#333333';
  ctx.lineWidth = 1;
  ctx.strokeRect(0.5, TITLE + 0.5, mapW - 1, mapH - 1);

  const panelLeft = mapW + GAP;
  const panelWidth = PANEL - 2 * GAP;
  const parts = {
    width,
    height,
    ratio,
    map: { x: 0, y: TITLE, w: mapW, h: mapH },
    title: drawTitle(ctx, width, title),
    legend: drawLegend(ctx, layers, panelLeft, TITLE + 4, panelWidth),
  };
  const scaleTop = TITLE + mapH - 34;
  parts.scale = drawScaleBar(ctx, map, panelLeft + 6, scaleTop, panelWidth - 20);
  parts.north = drawNorthArrow(ctx, panelLeft + panelWidth / 2, scaleTop - 70, map.getView().getRotation());
  drawStamp(ctx, TITLE + mapH, width);
  return { canvas, parts };
}

/** Renders once more, composes and downloads the PNG; resolves with the blob (tests read its pixels). */
export function exportPng(map, layers, title) {
  return new Promise((resolve, reject) => {
    map.once('rendercomplete', () => {
      try {
        const { canvas, parts } = composeSheet(map, layers, title);
        if (window.__facilities) window.__facilities.lastExport = parts;
        canvas.toBlob((blob) => {
          if (!blob) {
            reject(new Error('toBlob failed'));
            return;
          }
          const a = document.createElement('a');
          a.href = URL.createObjectURL(blob);
          a.download = `${t('export.filename')}-${state.level}-${state.year}.png`;
          document.body.append(a);
          a.click();
          a.remove();
          setTimeout(() => URL.revokeObjectURL(a.href), 10000);
          resolve(blob);
        }, 'image/png');
      } catch (e) {
        reject(e);
      }
    });
    map.renderSync();
  });
}
