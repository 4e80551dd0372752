#!/usr/bin/env bash
# Rebuilds notes/berdeil-2023.toml, the demo's notes, by running glose itself on the example
# article (library/sources/berdeil-2023.txt) and its references (library/references.bib).
# Usage: scripts/make-demo-notes.sh   (from the repository root; builds glose first)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cargo build --quiet --manifest-path "$root/Cargo.toml"
glose="$root/target/debug/glose"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 GLOSE_SEED=2023
student="Camille Martin <camille.martin@etu.example.fr>"
supervisor="Hélène Dubois <helene.dubois@univ.example.fr>"
step=0
# Each call runs one minute after the previous one, so the history reads in order.
g() {
  step=$((step + 1))
  GLOSE_NOW="2026-03-02T09:$(printf '%02d' "$step"):00Z" "$glose" -C "$work" "$@" >/dev/null
}
as_student() { g --author "$student" "$@"; }
as_supervisor() { g --author "$supervisor" "$@"; }

as_student init "$work"
as_student bib add "$root/library/references.bib"
as_student add "$root/library/sources/berdeil-2023.txt" --id berdeil-2023 --cite berdeil2023cyberprostitution

as_student annotate berdeil-2023 --quote "la loi dite de « pénalisation du client »" \
  --cite loi2016-444 --tag droit-pénal --note "Loi du 13 avril 2016: pénalisation de l'achat d'actes sexuels."
as_student annotate berdeil-2023 --quote "62% de la prostitution passe, en France, par l’Internet" \
  --cite mouvementdunid-internet --tag chiffres \
  --note "Le chiffre vient du Mouvement du Nid; le rapport exact et son année restent à trouver."
as_student annotate berdeil-2023 --quote "cyber-paradis" --kind highlight --tag vocabulaire
as_student annotate berdeil-2023 --quote "l’éditeur du site sera considéré comme proxénète" \
  --cite "cp-225-5@art. 225-5" --tag droit-pénal
as_student annotate berdeil-2023 \
  --quote "en 2018, plus de la moitié des réseaux de proxénétisme démantelés opéraient exclusivement sur des plateformes en ligne" \
  --kind claim --tag chiffres
as_student annotate berdeil-2023 \
  --quote "des enquêtes d’Europol et d’Interpol avaient établi un lien entre les parcours de migrants et les filières de traite" \
  --kind claim --tag international
as_student annotate berdeil-2023 \
  --quote "des mineures de 8 ans ont été mises en vente par l’Etat islamique sur Twitter" --kind claim
as_student annotate berdeil-2023 --quote "la diffusion de telles images sur le web constitue un délit" \
  --cite "cp-227-23@art. 227-23" --tag droit-pénal
as_student annotate berdeil-2023 \
  --quote "l’utilisation d’un réseau de télécommunication à cet effet constitue toutefois une aggravation de la peine" \
  --cite "cp-227-23@art. 227-23, al. 3" --tag droit-pénal
as_student annotate berdeil-2023 --quote "s’attache à limiter les contenus illicites en ligne" \
  --cite "dsa2022@art. 1" --tag droit-ue
as_student annotate berdeil-2023 --quote "seule la Convention de Budapest sur la cybercriminalité apparaît réellement efficace" \
  --kind note --note "Jugement de l'autrice, pas un fait: à nuancer dans le mémoire."
as_student annotate berdeil-2023 --quote "constitue un véritable cadre pour la coopération internationale" \
  --cite "budapest2001@art. 23" --tag international
as_student annotate berdeil-2023 --quote "impose des procédures facilitant les enquêtes" \
  --cite "budapest2001@art. 14" --tag international
as_student annotate berdeil-2023 --quote "« faire adhérer les pays à la Convention sur la cybercriminalité »" \
  --cite quemener-charpenel2010 --relation mentions \
  --note "Citation de Myriam Quéméner: l'ouvrage de 2010 donne le contexte, pas la citation elle-même."

as_supervisor annotate berdeil-2023 --quote "plus de la moitié des réseaux de proxénétisme démantelés" --kind question \
  --note "Quelle source pour ce chiffre de 2018 ? Un rapport de l'OCRTEH ?"
as_supervisor annotate berdeil-2023 --quote "mises en vente par l’Etat islamique sur Twitter" --kind question \
  --note "Affirmation grave: il faut une source fiable (presse, rapport) ou la retirer."
as_supervisor annotate berdeil-2023 --quote "magistrate française et experte auprès du Conseil de l’Europe" --kind question \
  --note "Où Myriam Quéméner a-t-elle dit cela ? Trouver l'entretien ou la page."

cp "$work/notes/berdeil-2023.toml" "$root/notes/berdeil-2023.toml"
cp "$work/library/sources/berdeil-2023.txt" "$root/library/sources/berdeil-2023.txt"
echo "wrote notes/berdeil-2023.toml ($(grep -c '^\[\[annotation\]\]' "$root/notes/berdeil-2023.toml") annotations)"
