# Java base image made from Debian packages (docker/base/build.sh): what the services' images need from
# eclipse-temurin:17-jre, on a machine that reaches no image registry. ROOTFS: debootstrap's tree, imported.
ARG ROOTFS
FROM ${ROOTFS}
ENV LANG=C.UTF-8
CMD ["java", "-version"]
