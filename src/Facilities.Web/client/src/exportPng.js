// Export of the current view as PNG: the layer canvases composed in order (OpenLayers' export recipe), then the
// title, the legend and the stamp drawn on top, so the image stands alone in a report.
import { t } from './i18n.js';
import { state } from './state.js';
import { legendEntries } from './legend.js';
import { noDataPattern } from './ramp.js';

function composeMap(map) {
  const size = map.getSize();
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(size[0] * ratio);
  canvas.height = Math.round(size[1] * ratio);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  for (const layerCanvas of map.getViewport().querySelectorAll('.ol-layer canvas, canvas.ol-layer')) {
    if (layerCanvas.width === 0) continue;
    const opacity = layerCanvas.parentNode.style.opacity || layerCanvas.style.opacity;
    ctx.globalAlpha = opacity === '' ? 1 : Number(opacity);
    const match = layerCanvas.style.transform.match(/^matrix\(([^(]*)\)$/);
    const matrix = match ? match[1].split(',').map(Number) : [layerCanvas.style.width ? parseFloat(layerCanvas.style.width) / layerCanvas.width : 1, 0, 0, 1, 0, 0];
    ctx.setTransform(...matrix);
    const background = layerCanvas.parentNode.style.backgroundColor;
    if (background) {
      ctx.fillStyle = background;
      ctx.fillRect(0, 0, layerCanvas.width, layerCanvas.height);
    }
    ctx.drawImage(layerCanvas, 0, 0);
  }
  ctx.globalAlpha = 1;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  return { canvas, ctx };
}

function drawDecorations(ctx, layers, title) {
  ctx.font = 'bold 16px sans-serif';
  ctx.textBaseline = 'top';
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(8, 8, ctx.measureText(title).width + 16, 26);
  ctx.fillStyle = '#111111';
  ctx.fillText(title, 16, 13);

  const groups = legendEntries(layers).filter((g) => g.entries.length);
  const lines = groups.reduce((n, g) => n + g.entries.length + (g.title ? 1 : 0), 0);
  ctx.font = 'bold 12px sans-serif';
  let width = 0;
  for (const g of groups) {
    ctx.font = 'bold 12px sans-serif';
    width = Math.max(width, ctx.measureText(g.title).width);
    ctx.font = '12px sans-serif';
    for (const e of g.entries) width = Math.max(width, 28 + ctx.measureText(e.label).width);
  }
  let y = 44;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(8, y, width + 20, lines * 18 + 12);
  y += 6;
  for (const g of groups) {
    if (g.title) {
      ctx.fillStyle = '#111111';
      ctx.font = 'bold 12px sans-serif';
      ctx.fillText(g.title, 16, y);
      y += 18;
    }
    ctx.font = '12px sans-serif';
    for (const e of g.entries) {
      ctx.fillStyle = e.colour;
      ctx.strokeStyle = '#555555';
      if (e.shape === 'dot') {
        ctx.beginPath();
        ctx.arc(23, y + 6, Math.min(8, e.size || 6), 0, 2 * Math.PI);
        ctx.fill();
        ctx.stroke();
      } else {
        if (e.hatched) ctx.fillStyle = noDataPattern();
        ctx.fillRect(16, y, 14, 12);
        ctx.strokeRect(16, y, 14, 12);
      }
      ctx.fillStyle = '#111111';
      ctx.fillText(e.label, 36, y);
      y += 18;
    }
  }
  if (state.stamp) {
    const stamp = `${t('popup.stamp', { stamp: state.stamp.stamp_id || state.stamp.stampId || '' })} · ${state.stamp.dataset || ''} · ${state.stamp.norms_version || state.stamp.normsVersion || ''}`;
    ctx.font = '11px sans-serif';
    ctx.fillStyle = 'rgba(255,255,255,0.85)';
    const h = ctx.canvas.height / (window.devicePixelRatio || 1);
    ctx.fillRect(8, h - 24, ctx.measureText(stamp).width + 12, 18);
    ctx.fillStyle = '#333333';
    ctx.fillText(stamp, 14, h - 21);
  }
}

/** Renders once more, composes and downloads the PNG; resolves with the blob (tests read its size). */
export function exportPng(map, layers, title) {
  return new Promise((resolve, reject) => {
    map.once('rendercomplete', () => {
      try {
        const { canvas, ctx } = composeMap(map);
        drawDecorations(ctx, layers, title);
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
