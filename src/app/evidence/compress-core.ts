// Turning a camera photo into what a record keeps: the long edge scaled to at most 1600 px, the
// orientation taken from the file's EXIF data and applied to the pixels, and the result encoded
// as a fresh JPEG. Re-encoding from pixels is also what removes the location and every other
// metadata field. Runs in a worker where the browser has OffscreenCanvas, else on the page.

const LONG_EDGE_PX = 1600;
const THUMBNAIL_EDGE_PX = 320;
const QUALITY = 0.82;

export type Encoded = { blob: Blob; width: number; height: number };

async function scaleToJpeg(input: Blob, longEdge: number): Promise<Encoded> {
  // 'from-image' applies the EXIF orientation, so a portrait phone photo stays upright.
  const bitmap = await createImageBitmap(input, { imageOrientation: 'from-image' });
  try {
    const scale = Math.min(1, longEdge / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('This browser cannot draw the photo.');
      context.drawImage(bitmap, 0, 0, width, height);
      return { blob: await canvas.convertToBlob({ type: 'image/jpeg', quality: QUALITY }), width, height };
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw the photo.');
    context.drawImage(bitmap, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
    if (!blob) throw new Error('This browser could not encode the photo.');
    return { blob, width, height };
  } finally {
    bitmap.close();
  }
}

/** The photo as stored (≤ 1600 px) and its thumbnail (≤ 320 px). */
export async function compressPhoto(input: Blob): Promise<{ full: Encoded; thumbnail: Encoded }> {
  const full = await scaleToJpeg(input, LONG_EDGE_PX);
  const thumbnail = await scaleToJpeg(full.blob, THUMBNAIL_EDGE_PX);
  return { full, thumbnail };
}
