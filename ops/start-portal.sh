#!/bin/sh
# Starts the packaged portal with a class archive of its own (Java's application class-data
# sharing): the classes it loads at every start, read and verified from the jar once, then mapped
# from the archive. A start takes about a second less (bench/startup.sh).
#
#   ops/start-portal.sh ARCHIVE JAR [JVM OPTIONS...]
#
# With no archive yet, or one older than the jar or the Java runtime (after an upgrade of either),
# the portal runs as usual and writes the archive when it stops (SIGTERM), from the classes it
# used; the next start uses it. An archive that does not fit is ignored by the JVM, never fatal;
# delete it to have it written again. One archive per instance (the systemd unit names it after
# the port): instances stopping at once never write the same file. Java is $JAVA_HOME's, else the
# one on the PATH.
set -eu
[ $# -ge 2 ] || { echo "usage: $0 ARCHIVE JAR [JVM OPTIONS...]" >&2; exit 2; }
archive=$1
jar=$2
shift 2
if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; else java=$(command -v java); fi
java=$(readlink -f "$java")
runtime=$(dirname "$(dirname "$java")")/lib/server/libjvm.so
[ -f "$runtime" ] || runtime=$java
# A class file hook (a Java agent, or a flight recording started with the JVM) and a class archive
# made Java 17 crash at start (SIGSEGV in KlassFactory::check_shared_class_file_load_hook): with
# either, the archive is left alone. A recording started later (jcmd <pid> JFR.start) is fine.
for option in "$@" ${JDK_JAVA_OPTIONS:-} ${JAVA_TOOL_OPTIONS:-}; do
    case $option in
        -XX:StartFlightRecording*|-javaagent:*|-agentlib:*|-agentpath:*) exec "$java" "$@" -jar "$jar" ;;
    esac
done
if [ -s "$archive" ] && [ "$archive" -nt "$jar" ] && [ "$archive" -nt "$runtime" ]; then
    exec "$java" -XX:SharedArchiveFile="$archive" "$@" -jar "$jar"
fi
rm -f "$archive"
exec "$java" -XX:ArchiveClassesAtExit="$archive" "$@" -jar "$jar"
