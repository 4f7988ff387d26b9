import { nelderMead } from './optimise.ts';

/** A fitted model's point forecasts and the standard deviation of the forecast error at each step 1…h. */
export interface PointForecast {
  mean: number[];
  sd: number[];
}

export interface Method {
  /** Stable code, shown on the page and in the CLI's choice. */
  code: MethodCode;
  /** Fewest observations the method fits on, for season length m. */
  minLength(m: number): number;
  forecast(y: readonly number[], m: number, h: number): PointForecast;
}

export type MethodCode = 'seasonal-naive' | 'holt-winters' | 'sarima-airline' | 'sarima-ar1';

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));

/**
 * Seasonal naive: each step repeats the value one season earlier (the reference MASE is measured against).
 * Error variance grows with the number of whole seasons ahead: σ²·(k+1), k = ⌊(h−1)/m⌋ (Hyndman & Athanasopoulos §5.5).
 */
export const seasonalNaive: Method = {
  code: 'seasonal-naive',
  minLength: (m) => m + 1,
  forecast(y, m, h) {
    const n = y.length;
    let ss = 0;
    for (let t = m; t < n; t++) ss += (y[t] - y[t - m]) ** 2;
    const sigma = Math.sqrt(ss / Math.max(1, n - m));
    const mean: number[] = [];
    const sd: number[] = [];
    for (let step = 1; step <= h; step++) {
      const k = Math.floor((step - 1) / m);
      mean.push(y[n - m + ((step - 1) % m)]);
      sd.push(sigma * Math.sqrt(k + 1));
    }
    return { mean, sd };
  },
};

/**
 * Holt–Winters additive (ETS(A,A,A) in error-correction form): level ℓ, trend b, seasonal s.
 *   e = y − (ℓ + b + s₋ₘ);  ℓ ← ℓ + b + αe;  b ← b + βe;  s ← s₋ₘ + γe
 * with 0 < β < α and 0 < γ < 1 − α, the three fitted by minimising the in-sample sum of squared one-step errors.
 * Initial state from the first two seasons (level: first season's mean; trend: mean change per step between the
 * two; seasonal: first season's deviations). Forecast variance: σ²·(1 + Σⱼ₌₁ʰ⁻¹ (α + βj + γ·[j mod m = 0])²).
 */
export const holtWinters: Method = {
  code: 'holt-winters',
  minLength: (m) => 2 * m + 2,
  forecast(y, m, h) {
    const n = y.length;
    let first = 0;
    let second = 0;
    for (let i = 0; i < m; i++) {
      first += y[i] / m;
      second += y[m + i] / m;
    }
    const b0 = (second - first) / m;
    const l0 = first - ((m - 1) / 2) * b0;
    const s0 = Array.from({ length: m }, (_, i) => y[i] - (l0 + i * b0));
    const params = (x: number[]) => {
      const alpha = logistic(x[0]);
      return { alpha, beta: alpha * logistic(x[1]), gamma: (1 - alpha) * logistic(x[2]) };
    };
    const run = (p: { alpha: number; beta: number; gamma: number }) => {
      let l = l0 - b0 * 1; // state before t = 0, so that the first step's one-step forecast is l0 + s0[0]
      let b = b0;
      const s = [...s0];
      let sse = 0;
      for (let t = 0; t < n; t++) {
        const si = s[t % m];
        const e = y[t] - (l + b + si);
        if (t >= m) sse += e * e;
        l = l + b + p.alpha * e;
        b = b + p.beta * e;
        s[t % m] = si + p.gamma * e;
      }
      return { sse, l, b, s };
    };
    let best = { x: [logit(0.3), logit(0.1), logit(0.1)], value: Number.POSITIVE_INFINITY };
    for (const start of [
      [logit(0.3), logit(0.1), logit(0.1)],
      [logit(0.8), logit(0.05), logit(0.3)],
      [logit(0.1), logit(0.5), logit(0.5)],
    ]) {
      const r = nelderMead((x) => run(params(x)).sse, start, { step: 1 });
      if (r.value < best.value) best = r;
    }
    const p = params(best.x);
    const end = run(p);
    const sigma2 = end.sse / Math.max(1, n - m - 3);
    const mean: number[] = [];
    const sd: number[] = [];
    let acc = 1;
    for (let step = 1; step <= h; step++) {
      mean.push(end.l + step * end.b + end.s[(n + step - 1) % m]);
      sd.push(Math.sqrt(sigma2 * acc));
      const j = step;
      acc += (p.alpha + p.beta * j + (j % m === 0 ? p.gamma : 0)) ** 2;
    }
    return { mean, sd };
  },
};

/** Product of two polynomials in B, each as coefficients [c0, c1, …] of B⁰, B¹, …. */
function multiply(a: readonly number[], b: readonly number[]) {
  const out = new Array<number>(a.length + b.length - 1).fill(0);
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) out[i + j] += a[i] * b[j];
  return out;
}

function power(p: readonly number[], k: number) {
  let out = [1];
  for (let i = 0; i < k; i++) out = multiply(out, p);
  return out;
}

/**
 * Seasonal ARIMA (p,d,q)(P,D,Q)ₘ with orders 0 or 1 (and a constant when asked: the mean of the differenced series,
 * a drift when d + D = 1), fitted by conditional sum of squares (Box & Jenkins; the start-up errors taken as zero).
 * Each coefficient goes through tanh, so the fitted model is stationary and invertible.
 */
function sarima(code: MethodCode, order: { p: 0 | 1; d: 0 | 1; q: 0 | 1; P: 0 | 1; D: 0 | 1; Q: 0 | 1; constant: boolean }): Method {
  const withMean = order.constant;
  const np = order.p + order.q + order.P + order.Q + (withMean ? 1 : 0);
  return {
    code,
    // the differenced, AR-lagged start-up plus one season of residuals beyond the parameters
    minLength: (m) => order.p + order.P * m + order.d + order.D * m + m + np,
    forecast(y, m, h) {
      const n = y.length;
      const scale = Math.max(1e-9, y.reduce((s, v) => s + Math.abs(v), 0) / n);
      const z = y.map((v) => v / scale);
      const seasonalB = (c: number) => {
        const poly = new Array<number>(m + 1).fill(0);
        poly[0] = 1;
        poly[m] = c;
        return poly;
      };
      const differencing = multiply(power([1, -1], order.d), power(seasonalB(-1), order.D));
      const unpack = (x: number[]) => {
        let i = 0;
        const phi = order.p ? Math.tanh(x[i++]) : 0;
        const theta = order.q ? Math.tanh(x[i++]) : 0;
        const Phi = order.P ? Math.tanh(x[i++]) : 0;
        const Theta = order.Q ? Math.tanh(x[i++]) : 0;
        const mu = withMean ? x[i] : 0;
        // (1 − φB)(1 − ΦBᵐ)(1 − B)ᵈ(1 − Bᵐ)ᴰ yₜ = c + (1 + θB)(1 + ΘBᵐ) eₜ
        const ar = multiply(multiply([1, -phi], seasonalB(-Phi)), differencing);
        const ma = multiply([1, theta], seasonalB(Theta));
        const c = withMean ? mu * (1 - phi) * (1 - Phi) : 0;
        return { ar, ma, c };
      };
      const residuals = (model: { ar: number[]; ma: number[]; c: number }) => {
        const start = model.ar.length - 1;
        const e = new Array<number>(n).fill(0);
        let sse = 0;
        for (let t = start; t < n; t++) {
          let v = z[t] - model.c;
          for (let i = 1; i < model.ar.length; i++) v += model.ar[i] * z[t - i];
          for (let j = 1; j < model.ma.length && t - j >= 0; j++) v -= model.ma[j] * e[t - j];
          e[t] = v;
          sse += v * v;
        }
        return { e, sse, count: n - start };
      };
      const meanOfDifferenced = () => {
        let sum = 0;
        let count = 0;
        for (let t = differencing.length - 1; t < n; t++) {
          let v = 0;
          for (let i = 0; i < differencing.length; i++) v += differencing[i] * z[t - i];
          sum += v;
          count++;
        }
        return count ? sum / count : 0;
      };
      const x0 = [
        ...(order.p ? [0.3] : []),
        ...(order.q ? [-0.3] : []),
        ...(order.P ? [0.3] : []),
        ...(order.Q ? [-0.5] : []),
        ...(withMean ? [meanOfDifferenced()] : []),
      ];
      const fit = nelderMead((x) => residuals(unpack(x)).sse, x0, { step: 0.3 });
      const model = unpack(fit.x);
      const { e, sse, count } = residuals(model);
      const sigma = Math.sqrt(sse / Math.max(1, count - np)) * scale;
      const path = [...z];
      const errors = [...e];
      for (let step = 1; step <= h; step++) {
        const t = n + step - 1;
        let v = model.c;
        for (let i = 1; i < model.ar.length; i++) v -= model.ar[i] * path[t - i];
        for (let j = 1; j < model.ma.length; j++) if (t - j >= 0) v += model.ma[j] * errors[t - j];
        path.push(v);
        errors.push(0);
      }
      // ψ-weights of the full (non-stationary) model give the h-step error variance σ²·Σⱼ<ₕ ψⱼ².
      const psi = [1];
      for (let j = 1; j < h; j++) {
        let v = j < model.ma.length ? model.ma[j] : 0;
        for (let i = 1; i < model.ar.length && i <= j; i++) v -= model.ar[i] * psi[j - i];
        psi.push(v);
      }
      const sd: number[] = [];
      let acc = 0;
      for (let j = 0; j < h; j++) {
        acc += psi[j] ** 2;
        sd.push(sigma * Math.sqrt(acc));
      }
      return { mean: path.slice(n).map((v) => v * scale), sd };
    },
  };
}

/** The "airline model" SARIMA(0,1,1)(0,1,1)ₘ of Box & Jenkins: trend and seasonality both differenced away. */
export const sarimaAirline = sarima('sarima-airline', { p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, constant: false });
/** SARIMA(1,0,0)(0,1,1)ₘ with drift: the seasonal pattern differenced, short-run persistence and a steady trend kept. */
export const sarimaAr1 = sarima('sarima-ar1', { p: 1, d: 0, q: 0, P: 0, D: 1, Q: 1, constant: true });

export const METHODS: readonly Method[] = [seasonalNaive, holtWinters, sarimaAirline, sarimaAr1];
