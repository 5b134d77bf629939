# PostgreSQL base image made from Debian packages (docker/base/build.sh), taking the official image's
# POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB and data directory, so docker-compose.yml runs it unchanged.
ARG ROOTFS
FROM ${ROOTFS}
ARG PG_VERSION
ENV PATH=/usr/lib/postgresql/${PG_VERSION}/bin:$PATH \
    PGDATA=/var/lib/postgresql/data \
    LANG=C.UTF-8
COPY postgres-entrypoint.sh /usr/local/bin/postgres-entrypoint
# the package's own cluster is not used: the entrypoint makes one in PGDATA from the variables
RUN rm -rf /var/lib/postgresql/* /etc/postgresql/* \
    && install -d -o postgres -g postgres -m 700 "$PGDATA" \
    && install -d -o postgres -g postgres -m 2775 /var/run/postgresql \
    && chmod 755 /usr/local/bin/postgres-entrypoint
VOLUME /var/lib/postgresql/data
USER postgres
EXPOSE 5432
# fast shutdown: open transactions are rolled back, nothing committed is lost
STOPSIGNAL SIGINT
ENTRYPOINT ["postgres-entrypoint"]
CMD ["postgres"]
