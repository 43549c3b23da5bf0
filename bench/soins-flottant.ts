/**
 * The baseline of the soins benchmark: the domain §2.2 formula in plain binary floats, as a spreadsheet user would
 * write it. It is NOT exact (0.015 × 4005 rounds to the wrong cent); it only tells how fast "no care at all" is.
 */
export function soinsFlottant(fr: number, br: number, tauxRo: number, garantieTauxBr: number, retenue: number): number {
  const roBrut = Math.round(br * tauxRo * 100) / 100;
  const ret = Math.min(retenue, roBrut);
  const roNet = roBrut - ret;
  const g = Math.round(garantieTauxBr * br * 100) / 100;
  const rc = Math.max(0, Math.min(g, fr) - roBrut);
  const rac = fr - roNet - rc;
  return rc + rac * 0;
}
