//! S3 (MinIO, s3s-fs or AWS): the [`ObjectStore`] port. Path-style
//! addressing and a custom endpoint for local servers; GETs are streamed.

use std::time::Duration;

use async_trait::async_trait;
use aws_sdk_s3::Client;
use aws_sdk_s3::config::{BehaviorVersion, Credentials, Region};
use aws_sdk_s3::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_s3::primitives::ByteStream as AwsByteStream;
use aws_smithy_http_client::tls;
use clap::Args;
use futures::stream;
use secrecy::{ExposeSecret, SecretString};
use txclass_core::ports::bytes_stream::ByteStream;
use txclass_core::{ObjectStore, PortError, RetryHint};
use txclass_service::secrets::secret;

/// Where the object store is and how to log in, as every program takes it.
#[derive(Args, Clone, Debug)]
pub struct S3Args {
    /// S3 endpoint (MinIO, s3s-fs, AWS).
    #[arg(long, env = "S3_ENDPOINT", default_value = "http://127.0.0.1:9000")]
    pub s3_endpoint: String,
    #[arg(long, env = "AWS_REGION", default_value = "us-east-1")]
    pub aws_region: String,
    #[arg(long, env = "AWS_ACCESS_KEY_ID", hide_env_values = true)]
    pub aws_access_key_id: Option<String>,
    #[arg(long, env = "AWS_SECRET_ACCESS_KEY", hide_env_values = true, value_parser = secret)]
    pub aws_secret_access_key: Option<SecretString>,
}

impl S3Args {
    pub fn settings(&self) -> S3Settings {
        S3Settings {
            endpoint: Some(self.s3_endpoint.clone()).filter(|e| !e.is_empty()),
            region: self.aws_region.clone(),
            access_key_id: self.aws_access_key_id.clone(),
            secret_access_key: self.aws_secret_access_key.clone(),
        }
    }
}

/// Where and how to reach the object store.
#[derive(Debug, Clone)]
pub struct S3Settings {
    pub endpoint: Option<String>,
    pub region: String,
    pub access_key_id: Option<String>,
    pub secret_access_key: Option<SecretString>,
}

#[derive(Debug, Clone)]
pub struct S3ObjectStore {
    client: Client,
}

impl S3ObjectStore {
    pub fn new(settings: &S3Settings) -> Self {
        let http_client = aws_smithy_http_client::Builder::new()
            .tls_provider(tls::Provider::Rustls(
                tls::rustls_provider::CryptoMode::Ring,
            ))
            .build_https();
        // Every call has a deadline: an endpoint that accepts and never
        // answers fails the call (transient) instead of hanging the run.
        let timeouts = aws_sdk_s3::config::timeout::TimeoutConfig::builder()
            .connect_timeout(Duration::from_secs(5))
            .read_timeout(Duration::from_secs(20))
            .operation_attempt_timeout(Duration::from_secs(25))
            .operation_timeout(Duration::from_secs(60))
            .build();
        let mut builder = aws_sdk_s3::Config::builder()
            .behavior_version(BehaviorVersion::latest())
            .timeout_config(timeouts)
            .http_client(http_client)
            .region(Region::new(settings.region.clone()))
            .force_path_style(true);
        if let Some(endpoint) = &settings.endpoint {
            builder = builder.endpoint_url(endpoint);
        }
        if let (Some(id), Some(secret)) = (&settings.access_key_id, &settings.secret_access_key) {
            builder = builder.credentials_provider(Credentials::new(
                id.clone(),
                secret.expose_secret().to_owned(),
                None,
                None,
                "txclass",
            ));
        }
        Self {
            client: Client::from_conf(builder.build()),
        }
    }

    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Creates the bucket unless it exists already.
    pub async fn ensure_bucket(&self, bucket: &str) -> Result<(), PortError> {
        if self
            .client
            .head_bucket()
            .bucket(bucket)
            .send()
            .await
            .is_ok()
        {
            return Ok(());
        }
        match self.client.create_bucket().bucket(bucket).send().await {
            Ok(_) => Ok(()),
            Err(e)
                if matches!(
                    e.code(),
                    Some("BucketAlreadyOwnedByYou" | "BucketAlreadyExists")
                ) =>
            {
                Ok(())
            }
            Err(e) => Err(classify_error(&format!("creating bucket {bucket}"), e)),
        }
    }
}

/// Maps an SDK error to a retry hint: network failures, timeouts, 5xx and
/// throttling are transient; missing objects permanent; access and missing
/// buckets fatal.
pub fn classify_error<E, R>(what: &str, e: SdkError<E, R>) -> PortError
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
    R: std::fmt::Debug + Send + Sync + 'static,
{
    let (hint, detail) = match &e {
        SdkError::ServiceError(service) => {
            let code = service.err().code().unwrap_or("unknown");
            let message = service.err().message().unwrap_or_default();
            let hint = match code {
                "NoSuchKey" | "InvalidObjectState" => RetryHint::Permanent,
                "NoSuchBucket"
                | "AccessDenied"
                | "InvalidAccessKeyId"
                | "SignatureDoesNotMatch" => RetryHint::Fatal,
                "SlowDown" | "InternalError" | "ServiceUnavailable" | "RequestTimeout" => {
                    RetryHint::Transient
                }
                _ => RetryHint::Permanent,
            };
            (hint, format!("{code}: {message}"))
        }
        SdkError::ConstructionFailure(_) => (RetryHint::Fatal, format!("{e:?}")),
        _ => (RetryHint::Transient, format!("{e}")),
    };
    PortError::new(hint, format!("{what}: {detail}"))
}

#[async_trait]
impl ObjectStore for S3ObjectStore {
    async fn list(&self, bucket: &str, prefix: &str) -> Result<Vec<String>, PortError> {
        let mut keys = Vec::new();
        let mut pages = self
            .client
            .list_objects_v2()
            .bucket(bucket)
            .prefix(prefix)
            .into_paginator()
            .send();
        while let Some(page) = pages.next().await {
            let page =
                page.map_err(|e| classify_error(&format!("listing s3://{bucket}/{prefix}"), e))?;
            keys.extend(
                page.contents()
                    .iter()
                    .filter_map(|o| o.key().map(str::to_owned)),
            );
        }
        keys.sort();
        Ok(keys)
    }

    async fn get(&self, bucket: &str, key: &str) -> Result<ByteStream, PortError> {
        let object = self
            .client
            .get_object()
            .bucket(bucket)
            .key(key)
            .send()
            .await
            .map_err(|e| classify_error(&format!("reading s3://{bucket}/{key}"), e))?;
        let body: AwsByteStream = object.body;
        let chunks = stream::unfold(body, |mut body| async move {
            match body.try_next().await {
                Ok(Some(bytes)) => Some((Ok(bytes.to_vec()), body)),
                Ok(None) => None,
                Err(e) => Some((Err(std::io::Error::other(e)), body)),
            }
        });
        Ok(Box::pin(chunks))
    }

    async fn put(&self, bucket: &str, key: &str, body: Vec<u8>) -> Result<(), PortError> {
        self.client
            .put_object()
            .bucket(bucket)
            .key(key)
            .body(AwsByteStream::from(body))
            .send()
            .await
            .map_err(|e| classify_error(&format!("writing s3://{bucket}/{key}"), e))?;
        Ok(())
    }
}
