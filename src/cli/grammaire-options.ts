/** A wrong command line: exit code 2, the message on stderr, no report. */
export class ErreurUsage extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ErreurUsage";
  }
}

/** What a command's option handler may do with the option being read. */
export interface Lecteur {
  /** The option's value (`--opt valeur` or `--opt=valeur`); `attendu` says what it should be, in the message. */
  valeur(attendu: string): string;
  /** The option takes no value: `--json=oui` is refused. */
  sansValeur(): void;
  /** Each option once (a script giving --date twice has a bug that « the last one wins » would hide); options of one `groupe` exclude each other. */
  une(nom: string, groupe?: string): void;
}

export interface Grammaire {
  /** Every option name of the command, for « Vouliez-vous dire … ? ». */
  readonly connues: readonly string[];
  /** Where the help is (« remb aide verifier »). */
  readonly aide: string;
  /** The message for an empty positional argument. */
  readonly vide: string;
  /** When set, « - » (standard input) is refused with this message; otherwise it is a positional argument. */
  readonly tiretRefuse?: string;
}

/**
 * The option grammar shared by every `remb` command: options anywhere among the positional arguments, `--opt valeur`
 * or `--opt=valeur`, `--` ends the options. `option` handles one option name and returns false for an unknown one.
 * Returns the positional arguments in order.
 */
export function lireArguments(args: readonly string[], option: (nom: string, l: Lecteur) => boolean, g: Grammaire): string[] {
  const positionnels: string[] = [];
  const vues = new Map<string, string>();
  let i = 0;
  let finOptions = false;
  while (i < args.length) {
    const arg = args[i++]!;
    if (arg === "-" && !finOptions && g.tiretRefuse !== undefined) throw new ErreurUsage(g.tiretRefuse);
    if (finOptions || !arg.startsWith("-") || arg === "-") {
      if (arg === "") throw new ErreurUsage(g.vide);
      positionnels.push(arg);
      continue;
    }
    if (arg === "--") {
      finOptions = true;
      continue;
    }
    const egal = arg.indexOf("=");
    const nom = egal > 0 ? arg.slice(0, egal) : arg;
    const enLigne = egal > 0 ? arg.slice(egal + 1) : undefined;
    const l: Lecteur = {
      valeur: (attendu) => {
        if (enLigne !== undefined) {
          if (enLigne === "") throw new ErreurUsage(`L'option ${nom} attend ${attendu}.`);
          return enLigne;
        }
        const v = args[i];
        if (v === undefined || (v.startsWith("--") && v.length > 2)) throw new ErreurUsage(`L'option ${nom} attend ${attendu}.`);
        i++;
        return v;
      },
      sansValeur: () => {
        if (enLigne !== undefined) throw new ErreurUsage(`L'option ${nom} ne prend pas de valeur.`);
      },
      une: (n, groupe = n) => {
        const deja = vues.get(groupe);
        if (deja !== undefined) {
          throw new ErreurUsage(deja === n ? `Option ${n} donnée deux fois.` : `Options ${deja} et ${n} incompatibles : choisissez l'une des deux.`);
        }
        vues.set(groupe, n);
      },
    };
    if (!option(nom, l)) throw new ErreurUsage(`Option inconnue : ${nom}.${suggestion(nom, g.connues)} Voir : ${g.aide}`);
  }
  return positionnels;
}

/** « Vouliez-vous dire --json ? » for a typo (edit distance ≤ 2) or a shortened name (« --plafond »), else nothing. */
export function suggestion(mot: string, connus: readonly string[]): string {
  let meilleur: string | undefined;
  let d = 3;
  for (const c of connus) {
    const e = distance(mot, c);
    if (e < d) {
      d = e;
      meilleur = c;
    }
  }
  meilleur ??= connus.find((c) => mot.length > 2 && (c.startsWith(mot) || mot.startsWith(c)));
  return meilleur === undefined ? "" : ` Vouliez-vous dire ${meilleur} ?`;
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prec = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cour = [i];
    for (let j = 1; j <= b.length; j++) cour[j] = Math.min(prec[j]! + 1, cour[j - 1]! + 1, prec[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prec = cour;
  }
  return prec[b.length]!;
}
