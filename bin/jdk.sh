# Sourced by the project's scripts: exports JAVA_HOME to a JDK >= 21 or stops with a clear message.
# Order: $JAVA_HOME if it is a JDK >= 21, then the newest JDK under /usr/lib/jvm, then `java` on the PATH.
vatic_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}' | cut -d. -f1
}
vatic_find_jdk() {
  local candidate major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(vatic_java_major "$JAVA_HOME")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then echo "$JAVA_HOME"; return 0; fi
  fi
  for candidate in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV) /opt/java/openjdk/; do
    candidate=${candidate%/}
    [ -x "$candidate/bin/javac" ] || continue
    major=$(vatic_java_major "$candidate")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then echo "$candidate"; return 0; fi
  done
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(vatic_java_major "$candidate")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then echo "$candidate"; return 0; fi
  fi
  return 1
}
if ! VATIC_JDK=$(vatic_find_jdk); then
  echo "Vatic Prop needs a JDK 21 or newer (e.g. Temurin 25 under /usr/lib/jvm); none found. Install one or set JAVA_HOME." >&2
  exit 1
fi
export JAVA_HOME="$VATIC_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
