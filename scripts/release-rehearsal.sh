#!/usr/bin/env bash
# Release rehearsal: builds the signed Central bundle exactly as a release would, without uploading it.
#
#   scripts/release-rehearsal.sh [--unsigned] [--skip-tests] [VERSION]      (default 0.1.0)
#
# --skip-tests skips the tests and the consumer check (CI has just run both in ./mvnw verify).
#
# --unsigned skips GPG (no key needed) and the signature checks: what CI runs after the tests, so that
# the bundle's layout, the sources and Javadoc jars and the published POMs cannot rot unnoticed.
#
# The build timestamp of every jar entry (project.build.outputTimestamp) is the commit time of HEAD,
# so a release is reproducible from its tag; the rehearsal builds the published modules a second
# time and fails unless every jar is byte-for-byte the same.
#
# Uses a throwaway GPG key in a temporary GNUPGHOME and a temporary settings.xml with a dummy
# "central" server (the publishing plugin wants one even when nothing is uploaded). Leaves the
# bundle in target/central-publishing/central-bundle.zip and lists it.
set -euo pipefail
cd "$(dirname "$0")/.."
signed=true
extra=()
while [[ $# -gt 0 && "$1" == --* ]]; do
  case "$1" in
    --unsigned) signed=false; extra+=(-Dgpg.skip=true) ;;
    --skip-tests) extra+=(-DskipTests -Dcsmkit.consumerCheck.skip=true) ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
version="${1:-0.1.0}"

work="$(mktemp -d)"
trap 'gpgconf --homedir "$work/gnupg" --kill all >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"
export MAVEN_GPG_PASSPHRASE="rehearsal-only"

if $signed; then
  gpg --batch --pinentry-mode loopback --passphrase "$MAVEN_GPG_PASSPHRASE" \
    --quick-generate-key "csmkit release rehearsal <rehearsal@csmkit.invalid>" rsa3072 sign 1d 2>/dev/null
  echo "throwaway key: $(gpg --batch --list-secret-keys --with-colons | awk -F: '/^fpr/ {print $10; exit}')"
fi

cat > "$work/settings.xml" <<'XML'
<settings>
  <servers>
    <server>
      <id>central</id>
      <username>rehearsal</username>
      <password>not-a-real-token</password>
    </server>
  </servers>
</settings>
XML

# one timestamp per release: the commit's, so that a rebuild from the tag gives the same jars
export TZ=UTC
timestamp="$(git log -1 --format=%cd --date=format-local:%Y-%m-%dT%H:%M:%SZ 2>/dev/null || true)"
timestamp="${timestamp:-2026-01-01T00:00:00Z}"
echo "project.build.outputTimestamp=$timestamp"

./mvnw -B -s "$work/settings.xml" -Prelease clean deploy -DskipUpload=true -Dmaven.install.skip=true \
  -Drevision="$version" -Dproject.build.outputTimestamp="$timestamp" ${extra[@]+"${extra[@]}"}

bundle=target/central-publishing/central-bundle.zip
test -f "$bundle" || { echo "no bundle at $bundle" >&2; exit 1; }
echo
echo "== $bundle =="
listing="$(jar tf "$bundle")"   # the JDK's jar tool: no unzip needed
echo "$listing"
# a bundle without a file we require is a failed rehearsal
required=()
for m in csm-client csm-sandbox hubspot-mapper hubspot-sandbox; do
  required+=("$m-$version.jar" "$m-$version-sources.jar" "$m-$version-javadoc.jar" "$m-$version.pom")
  if $signed; then required+=("$m-$version.jar.asc"); fi
done
required+=("csm-bom-$version.pom" "csm-sandbox-$version-standalone.jar")
for f in "${required[@]}"; do
  grep -q "/$f\$" <<<"$listing" || { echo "missing from the bundle: $f" >&2; exit 1; }
done
for f in consumer-check-runner csmkit-parent examples benchmarks csm-cli; do
  if grep -q "/$f/" <<<"$listing"; then echo "must not be in the bundle: $f" >&2; exit 1; fi
done
mkdir -p "$work/bundle" && (cd "$work/bundle" && jar xf "$OLDPWD/$bundle")
# every published POM carries the metadata Central requires (and that users read), and no parent
while IFS= read -r pom; do
  for tag in name description url licenses developers scm issueManagement; do
    grep -q "<$tag>\|<$tag " "$pom" || { echo "$(basename "$pom") lacks <$tag>" >&2; exit 1; }
  done
  if grep -q "<parent>" "$pom"; then echo "$(basename "$pom") still has a <parent>" >&2; exit 1; fi
  # a property left unresolved (the BOM once shipped a literal ${project.version}) breaks Gradle
  # and other non-Maven resolvers, and Maven too when it is not the POM's own property
  if grep -n '\${' "$pom" >&2; then echo "$(basename "$pom") has an unresolved \${...}" >&2; exit 1; fi
done < <(find "$work/bundle" -name '*.pom')
# every published jar (classes, sources, Javadoc, standalone) carries the licence and the notice
while IFS= read -r jar; do
  entries="$(jar tf "$jar")"
  for f in META-INF/LICENSE META-INF/NOTICE; do
    grep -qx "$f" <<<"$entries" || { echo "$(basename "$jar") lacks $f" >&2; exit 1; }
  done
done < <(find "$work/bundle" -name "*-$version.jar" -o -name "*-$version-sources.jar" \
  -o -name "*-$version-javadoc.jar" -o -name "*-$version-standalone.jar")
# the signatures verify against the throwaway key
if $signed; then
  gpg --batch --verify "$work/bundle/io/github/csmkit/csm-client/$version/csm-client-$version.jar.asc" \
    "$work/bundle/io/github/csmkit/csm-client/$version/csm-client-$version.jar"
fi
# reproducible: build the published modules again and compare every jar with the bundle's
published="csm-client,csm-sandbox,hubspot-mapper,hubspot-sandbox"
cp "$bundle" "$work/central-bundle.zip"
./mvnw -B -q clean package -pl "$published" -am -DskipTests -Dcsmkit.consumerCheck.skip=true \
  -Djacoco.skip=true -Drevision="$version" -Dproject.build.outputTimestamp="$timestamp"
mkdir -p "$(dirname "$bundle")" && cp "$work/central-bundle.zip" "$bundle"
compared=0
for m in ${published//,/ }; do
  for built in "$m"/target/"$m-$version"*.jar; do
    first="$work/bundle/io/github/csmkit/$m/$version/$(basename "$built")"
    test -f "$first" || { echo "not in the bundle: $(basename "$built")" >&2; exit 1; }
    if ! cmp -s "$first" "$built"; then
      echo "not reproducible: $(basename "$built") differs between two builds" >&2
      diff <(jar tvf "$first") <(jar tvf "$built") | head -20 >&2 || true
      exit 1
    fi
    compared=$((compared + 1))
  done
done
echo "reproducible: $compared jars identical in two builds"
echo "rehearsal OK ($($signed && echo signed || echo unsigned)): $bundle"
