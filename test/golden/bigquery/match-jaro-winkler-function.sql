CREATE FUNCTION IF NOT EXISTS `acme-analytics`.`crm`.`cdp_jaro_winkler`(a STRING, b STRING)
RETURNS FLOAT64 LANGUAGE js AS r"""
if (a === null || b === null) return null;
const ca = Array.from(a), cb = Array.from(b);
const la = ca.length, lb = cb.length;
if (la === 0 || lb === 0) return 0;
const win = Math.max(Math.floor(Math.max(la, lb) / 2) - 1, 0);
const am = new Array(la).fill(false), bm = new Array(lb).fill(false);
let m = 0;
for (let i = 0; i < la; i++) {
  for (let j = Math.max(0, i - win); j <= Math.min(lb - 1, i + win); j++) {
    if (!bm[j] && ca[i] === cb[j]) { am[i] = true; bm[j] = true; m++; break; }
  }
}
if (m === 0) return 0;
let t = 0, k = 0;
for (let i = 0; i < la; i++) {
  if (!am[i]) continue;
  while (!bm[k]) k++;
  if (ca[i] !== cb[k]) t++;
  k++;
}
const jaro = (m / la + m / lb + (m - Math.floor(t / 2)) / m) / 3;
if (jaro <= 0.7) return jaro;
let p = 0;
while (p < 4 && p < la && p < lb && ca[p] === cb[p]) p++;
return jaro + p * 0.1 * (1 - jaro);
"""
