# One image per deployable, from the module's runnable fat jar (build it first: mvn -B -DskipTests install).
#   docker build -f docker/service.Dockerfile --build-arg MODULE=kalshi-feed .
# JAVA_IMAGE: any Java 17 runtime image with bash and useradd; on a machine without a registry, the one
# docker/base/build.sh makes from Debian packages (double-time/jre:17-bookworm).
ARG JAVA_IMAGE=eclipse-temurin:17-jre
FROM ${JAVA_IMAGE}
# no root needed: every port is above 1024. Before MODULE is declared, so all six images share this layer.
RUN useradd --system --uid 10001 doubletime && mkdir -p /app/data && chown doubletime /app/data
WORKDIR /app
COPY config/ /app/config/
ARG MODULE
COPY ${MODULE}/target/${MODULE}-app.jar /app/app.jar
USER doubletime
ENV JAVA_OPTS="-Xmx256m"
# out of memory is a state the process cannot vouch for: exit, and let the restart policy start a clean one
ENTRYPOINT ["sh", "-c", "exec java -XX:+ExitOnOutOfMemoryError $JAVA_OPTS -jar /app/app.jar \"$@\"", "--"]
