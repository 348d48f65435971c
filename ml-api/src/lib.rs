//! txclass ML classification service: feature extraction ([`features`]), the
//! model ([`model`]), training and evaluation ([`train`]), the HTTP API
//! ([`server`]), the load generator ([`bench`](mod@bench)) and the command line
//! ([`cli`]).

pub mod bench;
pub mod cli;
pub mod features;
pub mod model;
pub mod server;
pub mod train;

/// The model that ships in the repository, served by default.
pub static SHIPPED_MODEL: &[u8] = include_bytes!("../model/txclass.model");

/// Loads the shipped model.
pub fn shipped_model() -> Result<model::Model, model::ModelError> {
    model::Model::load(SHIPPED_MODEL)
}
