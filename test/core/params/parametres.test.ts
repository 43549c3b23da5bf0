import assert from "node:assert/strict";
import { dateFr } from "../../../src/core/dates";
import { RembError } from "../../../src/core/errors";
import { DEBUT_MOTEUR, FICHIERS_PARAMETRES, parametres, type Parametre, type ValeurDatee } from "../../../src/core/params";

/**
 * Properties every committed parameter must have, whatever its topic: lookups switch exactly on the change
 * dates, a date before the first value is an error naming the parameter and the date, announced values stay
 * hidden unless asked for, and every value carries a reference (and a note when it is ⚠).
 */
const tous: Parametre[] = parametres.noms().map((n) => parametres.definition(n));

function regarder(nom: string, jour: number, inclureAnnonces: boolean): ValeurDatee | RembError {
  try {
    return parametres.valeurDatee(nom, jour, { inclureAnnonces });
  } catch (e) {
    if (e instanceof RembError) return e;
    throw e;
  }
}

/** The entry a lookup should return on `jour` (the last one started, announced ones only on request). */
function attendue(p: Parametre, jour: number, inclureAnnonces: boolean): ValeurDatee | undefined {
  return [...p.valeurs].reverse().find((v) => v.debut <= jour && (inclureAnnonces || !v.annonce));
}

function verifier(p: Parametre, jour: number, inclureAnnonces: boolean): void {
  const obtenu = regarder(p.nom, jour, inclureAnnonces);
  const v = attendue(p, jour, inclureAnnonces);
  const ici = `${p.nom} au ${dateFr(jour)}${inclureAnnonces ? " (annonces incluses)" : ""}`;
  if (v === undefined) {
    assert.ok(obtenu instanceof RembError && obtenu.code === "PARAMETRE_AVANT_DEBUT", `${ici} : erreur « avant début » attendue`);
  } else if (v.valeur === null) {
    assert.ok(obtenu instanceof RembError && obtenu.code === "PARAMETRE_ABROGE", `${ici} : erreur « abrogé » attendue`);
    assert.ok(obtenu.message.includes(`« ${p.nom} »`) && obtenu.message.includes(dateFr(jour)), `${ici} : ${obtenu.message}`);
  } else {
    assert.equal(obtenu, v, `${ici} : mauvaise valeur datée`);
  }
}

describe("params: properties of every parameter", () => {
  it("has all the topics of docs/parametres.md registered, with a plausible number of parameters", () => {
    assert.deepEqual(Object.keys(FICHIERS_PARAMETRES).sort(), [
      "ani.json",
      "audio.json",
      "dentaire.json",
      "exonerations.json",
      "franchises.json",
      "hospitalisation.json",
      "optique.json",
      "pf.json",
      "pmss.json",
      "responsable.json",
      "ro-taux.json",
      "tarifs-actes.json",
      "tarifs-consultation.json",
      "taxes.json",
      "tm-fourchettes.json",
    ]);
    assert.ok(tous.length >= 150, `${tous.length} paramètres`);
  });

  it("switches value exactly on each change date: the day before gives the previous entry, the day of the new one", () => {
    let changements = 0;
    for (const p of tous) {
      for (const v of p.valeurs.slice(1)) {
        for (const annonces of [false, true]) {
          verifier(p, v.debut - 1, annonces);
          verifier(p, v.debut, annonces);
        }
        changements++;
      }
    }
    assert.ok(changements >= 80, `${changements} changements`);
  });

  it("returns a value of the parameter's unit on the day of each entry (typed accessors)", () => {
    for (const p of tous) {
      for (const v of p.valeurs) {
        if (v.valeur === null || v.annonce) continue;
        const lire = {
          EUR: () => parametres.cents(p.nom, v.debut),
          "EUR/day": () => parametres.cents(p.nom, v.debut),
          "/1": () => parametres.taux(p.nom, v.debut),
          "×BR": () => parametres.taux(p.nom, v.debut),
          D: () => parametres.taux(p.nom, v.debut),
          count: () => parametres.entier(p.nom, v.debut),
          year: () => parametres.entier(p.nom, v.debut),
          month: () => parametres.entier(p.nom, v.debut),
          day: () => parametres.entier(p.nom, v.debut),
          boolean: () => parametres.booleen(p.nom, v.debut),
          date: () => parametres.date(p.nom, v.debut),
        }[p.unite];
        assert.deepEqual(lire(), v.valeur, `${p.nom} au ${dateFr(v.debut)}`);
        if (p.unite === "EUR" || p.unite === "EUR/day") assert.ok(Number.isSafeInteger(v.valeur), `${p.nom} : centimes entiers`);
      }
    }
  });

  it("throws, the day before the first value, a RembError naming the parameter and the date", () => {
    for (const p of tous) {
      const veille = p.valeurs[0]!.debut - 1;
      assert.throws(
        () => parametres.valeurDatee(p.nom, veille),
        (e: unknown) =>
          e instanceof RembError &&
          e.code === "PARAMETRE_AVANT_DEBUT" &&
          e.nature === "indisponible" &&
          e.message.includes(`« ${p.nom} »`) &&
          e.message.includes(dateFr(veille)),
        p.nom,
      );
    }
  });

  it("shows announced values only with inclureAnnonces", () => {
    const annonces = tous.flatMap((p) => p.valeurs.filter((v) => v.annonce).map((v) => ({ p, v })));
    assert.ok(annonces.length > 0, "au moins une valeur annoncée (actes lourds 32 €)");
    for (const { p, v } of annonces) {
      const sans = regarder(p.nom, v.debut, false);
      assert.notEqual(sans, v, `${p.nom} : valeur annoncée visible sans option`);
      assert.equal(regarder(p.nom, v.debut, true), v, `${p.nom} : valeur annoncée invisible avec option`);
      assert.ok(v.incertain && v.note, `${p.nom} : une annonce est ⚠ et dit pourquoi`);
    }
  });

  it("gives every ⚠ value a note, and every value a non-empty reference with a consistent Légifrance URL", () => {
    for (const p of tous) {
      assert.ok(p.description.trim().length > 10, `${p.nom} : description`);
      for (const v of p.valeurs) {
        const ici = `${p.nom} au ${dateFr(v.debut)}`;
        if (v.incertain) assert.ok(v.note && v.note.trim().length > 10, `${ici} : ⚠ sans note`);
        assert.ok(v.reference.texte.trim().length > 0, `${ici} : référence vide`);
        const url = v.reference.url;
        if (url !== undefined) {
          assert.match(url, /^https:\/\/www\.legifrance\.gouv\.fr\//, ici);
          const id = /(LEGIARTI|JORFTEXT|JORFARTI)\d{12}/.exec(url)?.[0];
          assert.ok(id && v.reference.texte.includes(id), `${ici} : l'URL ${url} cite un texte absent de la référence`);
        }
      }
    }
  });

  it("stores unknown start dates from the engine's first day, or explains the other date in a note", () => {
    const debutMoteur = parametres.definition("pf.age_exoneration").valeurs[0]!.debut;
    assert.equal(dateFr(debutMoteur), DEBUT_MOTEUR.split("-").reverse().join("/"));
    for (const p of tous) {
      for (const v of p.valeurs.filter((x) => x.debutInconnu)) {
        if (v.debut !== debutMoteur) assert.ok(v.note, `${p.nom} au ${dateFr(v.debut)} : début inconnu sans explication`);
      }
    }
  });

  it("ends a parameter with null only after a real value, and never lists two consecutive nulls", () => {
    for (const p of tous) {
      assert.notEqual(p.valeurs[0]!.valeur, null, `${p.nom} commence par null`);
      p.valeurs.forEach((v, i) => {
        if (v.valeur === null) assert.notEqual(p.valeurs[i - 1]!.valeur, null, `${p.nom} : deux null`);
      });
    }
  });
});
