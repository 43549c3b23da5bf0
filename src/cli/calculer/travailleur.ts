import { parentPort, workerData } from "node:worker_threads";
import { CalculBloc } from "./bloc";
import type { Beneficiaires, ConfigBloc, ResultatBloc } from "./config";

/**
 * A worker thread of `remb calculer`: the CLI bundle itself, started with workerData { remb: ROLE, config }. It
 * computes the blocks it receives, in any order, and sends each result back with its sequence number; the command
 * writes them in input order.
 */
export const ROLE_TRAVAILLEUR = "remb-calculer-travailleur";

/** A block to compute, or (seq −1) the end of the table: the worker answers with the beneficiaries it saw. */
export interface MessageBloc {
  readonly seq: number;
  readonly octets?: Uint8Array;
}

export interface MessageResultat {
  readonly seq: number;
  readonly resultat?: ResultatBloc;
  readonly beneficiaires?: Beneficiaires;
  readonly erreur?: string;
}

export function estTravailleurCalculer(): boolean {
  return parentPort !== null && (workerData as { remb?: unknown } | null)?.remb === ROLE_TRAVAILLEUR;
}

export function demarrerTravailleur(): void {
  const port = parentPort!;
  const calcul = new CalculBloc((workerData as { config: ConfigBloc }).config);
  port.on("message", (m: MessageBloc) => {
    if (m.seq < 0) {
      port.postMessage({ seq: m.seq, beneficiaires: calcul.beneficiaires() } satisfies MessageResultat);
      return;
    }
    let reponse: MessageResultat;
    try {
      reponse = { seq: m.seq, resultat: calcul.calculer(m.octets!) };
    } catch (e) {
      reponse = { seq: m.seq, erreur: (e as Error)?.stack ?? String(e) };
    }
    const s = reponse.resultat?.sortie;
    port.postMessage(reponse, s ? [s.buffer as ArrayBuffer] : []);
  });
}
