import { readFileSync } from 'node:fs';

/**
 * The CJK faces embedded in every PDF: Noto Sans Hans (SIL OFL 1.1) from the npm package @embedpdf/fonts-sc, so
 * documents print the same on any machine without system fonts. pdfkit embeds only the glyphs a document uses.
 * Read once per process: each face is about 8 MB.
 */
const faces = new Map<string, Buffer>();

function face(file: string): Buffer {
  let bytes = faces.get(file);
  if (!bytes) {
    bytes = readFileSync(new URL(`../fonts/${file}`, import.meta.resolve('@embedpdf/fonts-sc')));
    faces.set(file, bytes);
  }
  return bytes;
}

export const bodyFace = (): Buffer => face('NotoSansHans-Regular.otf');
export const boldFace = (): Buffer => face('NotoSansHans-Bold.otf');
