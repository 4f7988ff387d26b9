import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';

/**
 * The CJK faces embedded in every PDF: Noto Sans Hans (SIL OFL 1.1) from the npm package @embedpdf/fonts-sc, so
 * documents print the same on any machine without system fonts. pdfkit embeds only the glyphs a document uses.
 * Each face (about 8 MB) is read and parsed once per process: pdfkit takes a parsed fontkit font as it takes a
 * file, and re-parsing it for every document was most of a document's time (glyphs parsed once stay cached).
 */
const faces = new Map<string, fontkit.Font>();

function face(file: string): fontkit.Font {
  let font = faces.get(file);
  if (!font) {
    font = fontkit.create(readFileSync(new URL(`../fonts/${file}`, import.meta.resolve('@embedpdf/fonts-sc')))) as fontkit.Font;
    faces.set(file, font);
  }
  return font;
}

export const bodyFace = (): fontkit.Font => face('NotoSansHans-Regular.otf');
export const boldFace = (): fontkit.Font => face('NotoSansHans-Bold.otf');
