// WCAG 2 contrast of every text a page shows, computed in the page: each
// visible text node's colour (with its opacity) over the background actually
// behind it, composited from the element's and its ancestors' background
// colours (semi-transparent ones included: color-mix(... transparent),
// rgba) down to the page's own, as the browser resolved them (light-dark()
// included); a gradient behind text counts with its worst stop. Form controls'
// values and placeholders count too. Exempt, as WCAG exempts them: text of
// disabled controls. Large text (>= 24 px, or >= 18.66 px bold) needs 3:1,
// all other text 4.5:1.
import type { Page } from 'playwright-core';

export interface ContrastFailure {
  /** the element's tag and classes, and its nearest ancestors' */
  where: string;
  /** the text, cut */
  text: string;
  ratio: number;
  needed: number;
  fg: string;
  bg: string;
  fontSize: number;
}

export interface ContrastReport {
  /** text nodes and controls checked */
  checked: number;
  failures: ContrastFailure[];
}

/** Runs in the page: every text node and form control whose contrast is below what WCAG asks. */
function checkPage(): ContrastReport {
  type Rgba = [number, number, number, number];
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const parsed = new Map<string, Rgba>();

  const parse = (css: string): Rgba => {
    const known = parsed.get(css);
    if (known) return known;
    let out: Rgba | null = null;
    const nums = (s: string) =>
      s
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
    let m = /^rgba?\(([^)]*)\)$/.exec(css);
    if (m) {
      const [r = 0, g = 0, b = 0, a = 1] = nums(m[1]!);
      out = [r, g, b, a];
    } else if ((m = /^color\(srgb ([^)]*)\)$/.exec(css))) {
      const [r = 0, g = 0, b = 0, a = 1] = nums(m[1]!);
      out = [r * 255, g * 255, b * 255, a];
    } else {
      // any other syntax the browser computes (oklab…): drawn on a transparent pixel
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      const [r = 0, g = 0, b = 0, a = 0] = ctx.getImageData(0, 0, 1, 1).data;
      out = [r, g, b, a / 255];
    }
    parsed.set(css, out);
    return out;
  };
  const over = (top: Rgba, below: Rgba): Rgba => {
    const a = top[3];
    return [top[0] * a + below[0] * (1 - a), top[1] * a + below[1] * (1 - a), top[2] * a + below[2] * (1 - a), 1];
  };
  const luminance = ([r, g, b]: Rgba) => {
    const lin = (c: number) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const ratio = (a: Rgba, b: Rgba) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };
  const hex = (c: Rgba) =>
    '#' +
    c
      .slice(0, 3)
      .map((v) => Math.round(v).toString(16).padStart(2, '0'))
      .join('');

  // the canvas behind everything: the root's background, else the body's (propagated), else white
  const rootBg = (() => {
    for (const el of [document.documentElement, document.body]) {
      const c = parse(getComputedStyle(el).backgroundColor);
      if (c[3] > 0) return over(c, [255, 255, 255, 1]);
    }
    return [255, 255, 255, 1] as Rgba;
  })();

  /** The backgrounds that can be behind an element: one per stop of a gradient, else one. */
  const backgroundsBehind = (el: Element): Rgba[] => {
    const layers: Rgba[][] = [];
    for (let e: Element | null = el; e && e !== document.documentElement; e = e.parentElement) {
      const style = getComputedStyle(e);
      const stops = style.backgroundImage.includes('gradient')
        ? (style.backgroundImage.match(/(rgba?|color)\([^)]*\)/g) ?? []).map(parse)
        : [];
      const color = parse(style.backgroundColor);
      if (stops.length > 0) layers.push(stops);
      else if (color[3] > 0) layers.push([color]);
      if (stops.length > 0 || color[3] >= 1) break;
    }
    // composite from the bottom layer up, every combination of gradient stops
    let results: Rgba[] = [rootBg];
    for (const layer of layers.reverse()) results = layer.flatMap((top) => results.map((below) => over(top, below)));
    return results;
  };

  const opacityOf = (el: Element) => {
    let o = 1;
    for (let e: Element | null = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
    return o;
  };

  const failures: ContrastFailure[] = [];
  let checked = 0;
  const where = (el: Element) => {
    const parts: string[] = [];
    for (let e: Element | null = el; e && parts.length < 3 && e !== document.body; e = e.parentElement)
      parts.unshift(e.tagName.toLowerCase() + [...e.classList].map((c) => `.${c}`).join(''));
    return parts.join(' > ');
  };
  const check = (el: Element, text: string, pseudo?: string) => {
    const style = getComputedStyle(el, pseudo);
    const size = parseFloat(style.fontSize);
    const bold = Number(style.fontWeight) >= 700;
    const needed = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
    const fg = parse(style.color);
    const alpha = fg[3] * opacityOf(el);
    checked++;
    let worst = Infinity;
    let worstBg: Rgba = rootBg;
    for (const bg of backgroundsBehind(el)) {
      const r = ratio(over([fg[0], fg[1], fg[2], alpha], bg), bg);
      if (r < worst) [worst, worstBg] = [r, bg];
    }
    if (worst < needed)
      failures.push({
        where: where(el) + (pseudo ?? ''),
        text: text.trim().slice(0, 40),
        ratio: Math.round(worst * 100) / 100,
        needed,
        fg: hex(over([fg[0], fg[1], fg[2], alpha], worstBg)),
        bg: hex(worstBg),
        fontSize: size,
      });
  };
  const shown = (el: Element) => {
    if (!el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) return false;
    const rect = el.getBoundingClientRect();
    return rect.width > 1 && rect.height > 1;
  };
  const disabled = (el: Element) => !!el.closest(':disabled, [aria-disabled="true"]');

  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || !node.textContent?.trim()) continue;
    if (el.closest('script, style, template, noscript, svg, select, textarea, option')) continue;
    if (!shown(el) || disabled(el)) continue;
    check(el, node.textContent);
  }
  for (const control of document.querySelectorAll('input, textarea, select')) {
    if (!shown(control) || disabled(control)) continue;
    if (control instanceof HTMLSelectElement) check(control, control.selectedOptions[0]?.text ?? '');
    else if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) {
      if (control.value) check(control, control.value.slice(0, 40));
      else if (control.placeholder) check(control, control.placeholder, '::placeholder');
    }
  }
  return { checked, failures };
}

/** The page's text below WCAG's contrast minimum (see checkPage). */
export async function contrastReport(page: Page): Promise<ContrastReport> {
  return page.evaluate(checkPage);
}
