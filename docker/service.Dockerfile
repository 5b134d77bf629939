# One image per deployable, from the module's runnable fat jar (build it first: mvn -B -DskipTests install).
#   docker build -f docker/service.Dockerfile --build-arg MODULE=kalshi-feed .
FROM eclipse-temurin:17-jre
ARG MODULE
WORKDIR /app
COPY ${MODULE}/target/${MODULE}-app.jar /app/app.jar
COPY config/ /app/config/
# no root needed: every port is above 1024
RUN useradd --system --uid 10001 doubletime && mkdir -p /app/data && chown doubletime /app/data
USER doubletime
ENV JAVA_OPTS="-Xmx256m"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar \"$@\"", "--"]
