/** Why the last session ended (set by the API client, shown by the sign-in page until the next sign-in). */
let lastLoss: string | null = null;

export function noteSessionLoss(code: string) {
  lastLoss = code;
}

export function sessionLoss(): string | null {
  return lastLoss;
}

export function clearSessionLoss() {
  lastLoss = null;
}
