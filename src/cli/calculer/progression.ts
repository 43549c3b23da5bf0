/**
 * The progress bar of `remb calculer` on a terminal (stderr): lines, lines per second, share of the file read, time
 * left. Redrawn at most five times a second; erased at the end so the summary starts on a clean line.
 */
export class Progression {
  private lignes = 0;
  private dernier = 0;
  private readonly debut: number;

  constructor(
    private readonly flux: { write(s: string): unknown; readonly columns?: number },
    private readonly taille: number,
    private readonly maintenant: () => number,
  ) {
    this.debut = maintenant();
  }

  avancer(lignes: number, octetsLus: number): void {
    this.lignes += lignes;
    const t = this.maintenant();
    if (t - this.dernier < 200) return;
    this.dernier = t;
    const s = (t - this.debut) / 1000;
    const part = this.taille > 0 ? Math.min(1, octetsLus / this.taille) : 0;
    const debit = s > 0 ? this.lignes / s : 0;
    const reste = part > 0 ? (s / part) * (1 - part) : 0;
    const largeur = 20;
    const plein = Math.round(part * largeur);
    const barre = `${"█".repeat(plein)}${"░".repeat(largeur - plein)}`;
    const texte = `${barre} ${Math.round(part * 100)} % · ${nombre(this.lignes)} lignes · ${nombre(Math.round(debit))} lignes/s · reste ${duree(reste)}`;
    this.flux.write(`\r${texte.slice(0, (this.flux.columns ?? 100) - 1)}\u001b[K`);
  }

  terminer(): void {
    this.flux.write("\r\u001b[K");
  }
}

function nombre(n: number): string {
  return n.toLocaleString("fr-FR");
}

function duree(s: number): string {
  if (s < 60) return `${Math.ceil(s)} s`;
  return `${Math.floor(s / 60)} min ${Math.ceil(s % 60)} s`;
}
