package io.learnflow.k8s.model;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/**
 * The fields of CloudNativePG 1.30's {@code postgresql.cnpg.io/v1} resources, and of the barman-cloud plugin's
 * {@code ObjectStore}, that LearnFlow uses. Parsed strictly: a field these records do not name is reported.
 */
public final class CloudNativePg {

    public static final String API_VERSION = "postgresql.cnpg.io/v1";
    public static final String BARMAN_API_VERSION = "barmancloud.cnpg.io/v1";
    public static final String BARMAN_PLUGIN = "barman-cloud.cloudnative-pg.io";

    private CloudNativePg() {
    }

    public record Cluster(String apiVersion, String kind, ObjectMeta metadata, ClusterSpec spec) {

        /** The Service every application writes through. */
        public String readWriteService() {
            return metadata.getName() + "-rw";
        }
    }

    public record ClusterSpec(Integer instances, String imageName, Storage storage, Bootstrap bootstrap,
            Postgresql postgresql, Managed managed, List<Plugin> plugins, ResourceRequirements resources) {
    }

    public record Storage(String size, String storageClass) {
    }

    public record Bootstrap(InitDb initdb) {
    }

    public record InitDb(String database, String owner, LocalObjectReference secret) {
    }

    public record Postgresql(Map<String, String> parameters) {
    }

    public record Managed(List<Role> roles) {
    }

    public record Role(String name, String ensure, Boolean login, Boolean superuser, Boolean inherit,
            Integer connectionLimit, LocalObjectReference passwordSecret, List<String> inRoles, String comment) {
    }

    public record LocalObjectReference(String name) {
    }

    public record Plugin(String name, Boolean enabled, Boolean isWALArchiver, Map<String, String> parameters) {
    }

    public record Database(String apiVersion, String kind, ObjectMeta metadata, DatabaseSpec spec) {
    }

    public record DatabaseSpec(String name, String owner, LocalObjectReference cluster, String ensure,
            String databaseReclaimPolicy, List<Schema> schemas) {
    }

    public record Schema(String name, String owner, String ensure) {
    }

    public record ScheduledBackup(String apiVersion, String kind, ObjectMeta metadata, ScheduledBackupSpec spec) {
    }

    public record ScheduledBackupSpec(String schedule, String backupOwnerReference, LocalObjectReference cluster,
            String method, PluginConfiguration pluginConfiguration, Boolean immediate, Boolean suspend) {
    }

    public record PluginConfiguration(String name, Map<String, String> parameters) {
    }

    public record ObjectStore(String apiVersion, String kind, ObjectMeta metadata, ObjectStoreSpec spec) {
    }

    public record ObjectStoreSpec(String retentionPolicy, BarmanConfiguration configuration) {
    }

    public record BarmanConfiguration(String destinationPath, String endpointURL, S3Credentials s3Credentials,
            Compression wal, Compression data) {
    }

    public record S3Credentials(SecretKeySelector accessKeyId, SecretKeySelector secretAccessKey,
            Boolean inheritFromIAMRole) {
    }

    public record SecretKeySelector(String name, String key) {
    }

    public record Compression(String compression) {
    }
}
