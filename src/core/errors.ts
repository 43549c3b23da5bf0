/**
 * The one error family of the core. Adapters map `nature` to Excel errors:
 * - "valeur": the input is wrong (→ #VALUE!);
 * - "indisponible": the input is fine but no rule or value exists for that date or case (→ #N/A).
 * Messages are French because users read them.
 */
export type NatureErreur = "valeur" | "indisponible";

export type CodeErreur =
  | "ARGUMENT_INVALIDE"
  | "DATE_INVALIDE"
  | "MONTANT_INVALIDE"
  | "TAUX_INVALIDE"
  | "SYNTAXE_GARANTIE"
  | "PARAMETRE_INCONNU"
  | "PARAMETRE_AVANT_DEBUT"
  | "PARAMETRE_ABROGE"
  | "PARAMETRE_TYPE"
  | "HORS_CHAMP";

export interface DetailSyntaxe {
  /** 1-based position of the offending character in the expression. */
  position: number;
  /** What the parser expected, in French, e.g. « BR », « FR », « PMSS »… */
  attendu: string;
  /** What it found, e.g. « BX » or « fin de l'expression ». */
  trouve: string;
}

export class RembError extends Error {
  readonly nature: NatureErreur;
  readonly code: CodeErreur;
  readonly syntaxe?: DetailSyntaxe;
  readonly reference?: string;

  constructor(code: CodeErreur, message: string, options: { nature?: NatureErreur; syntaxe?: DetailSyntaxe; reference?: string } = {}) {
    super(message);
    this.name = "RembError";
    this.code = code;
    this.nature = options.nature ?? natureParDefaut(code);
    if (options.syntaxe) this.syntaxe = options.syntaxe;
    if (options.reference) this.reference = options.reference;
  }
}

function natureParDefaut(code: CodeErreur): NatureErreur {
  switch (code) {
    case "PARAMETRE_AVANT_DEBUT":
    case "PARAMETRE_ABROGE":
    case "HORS_CHAMP":
      return "indisponible";
    default:
      return "valeur";
  }
}

export function estRembError(e: unknown): e is RembError {
  return e instanceof RembError;
}

/** Shorthand for the most common case: a bad argument (→ #VALUE!). */
export function argumentInvalide(message: string): RembError {
  return new RembError("ARGUMENT_INVALIDE", message);
}

/** Shorthand: no rule or value for this case (→ #N/A). */
export function horsChamp(message: string, reference?: string): RembError {
  return new RembError("HORS_CHAMP", message, reference ? { reference } : {});
}
