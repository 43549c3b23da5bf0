import type { Jour } from "../dates";
import type { IdRegle } from "../postes";
import type { Verification } from "./verification";

/**
 * One contrat-responsable rule, as its own unit (as Catala keeps each rule next to its article): its id tied to the
 * article, the legal phrase it enforces, the contracts it applies to, and the check. A rule reports through
 * `Verification.signaler`; it never throws for a grid, however odd (an internal error is a bug).
 */
export interface Regle {
  readonly id: IdRegle;
  /** The rule in one French sentence, as the law puts it (shown in reports and the help). */
  readonly enonce: string;
  /** Whether the rule binds a contract subscribed or renewed on this date (docs/modele-de-calcul.md §8). */
  applicable(dateContrat: Jour): boolean;
  verifier(v: Verification): void;
}
