//! `datagen`: builds Urban SDG Explorer's bundled `data/` from the raw sources, and
//! validates any bundle with the same checks the app runs when it loads a pack.
//!
//! ```text
//! datagen build    --raw ../shared/data/raw --out data --shared contrib/actions
//! datagen check    --raw ../shared/data/raw --out data --shared contrib/actions
//! datagen merge-actions --data data --from contrib/actions  # add shared actions
//! datagen validate data                                  # check a bundle
//! datagen validate data --user your-data.json             # check a saved user pack
//! datagen explain-match who "Jinzhou Qu" CHN             # how a name is matched
//! ```

mod boundaries;
mod build;
mod collect;
mod corpus;
mod counties;
mod doubts;
mod framework;
mod gazetteer;
mod geonames;
mod matcher;
mod package;
mod packs;
mod plausibility;
mod raw;
mod repeated;
mod shared;
mod sources;
mod synthetic;
mod validate;
mod version;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage:
  datagen build    --raw DIR --out DIR [--shared DIR]
                                         build the bundle from the raw sources, then
                                         merge the shared action files of --shared
  datagen check    --raw DIR --out DIR [--shared DIR]
                                         exit 1 if DIR differs from a fresh build
  datagen merge-actions --data DIR --from DIR
                                         check and add shared action files (*.json)
                                         to a bundle's actions pack
  datagen validate DIR                   check a bundle; every problem is listed
  datagen validate DIR --user FILE       check a saved \"your data\" pack against a bundle
  datagen explain-match SOURCE NAME ISO3 [--raw DIR]
                                         how one source name is matched (e.g. who \"Jinzhou Qu\" CHN)
  datagen corpus --data DIR --cases FILE --out DIR [--check]
                                         write the broken datasets of FILE (or, with
                                         --check, validate each over the bundle)
  datagen synthetic --real DIR --out DIR [--cities N] [--series S] [--years Y]
                                         a labelled SYNTHETIC bundle for benchmarks";

fn arg(args: &[String], name: &str) -> Option<PathBuf> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build") | Some("check") => match (arg(&args, "--raw"), arg(&args, "--out")) {
            (Some(raw), Some(out)) if args[0] == "build" => {
                build::build(&raw, &out, arg(&args, "--shared").as_deref()).map(|report| {
                    println!("{report}");
                    true
                })
            }
            (Some(raw), Some(out)) => build::check(&raw, &out, arg(&args, "--shared").as_deref()),
            _ => Err(USAGE.to_string()),
        },
        Some("merge-actions") => match (arg(&args, "--data"), arg(&args, "--from")) {
            (Some(data), Some(from)) => {
                let recorded = version::recorded(&data);
                shared::merge_dir(&data, &from)
                    .and_then(|report| package::finish(&data, recorded).map(|()| report))
                    .map(|report| {
                        print!("{report}");
                        true
                    })
            }
            _ => Err(USAGE.to_string()),
        },
        Some("synthetic") => match (arg(&args, "--real"), arg(&args, "--out")) {
            (Some(real), Some(out)) => {
                let n = |name: &str, default: usize| {
                    arg(&args, name)
                        .and_then(|p| p.to_str().and_then(|s| s.parse().ok()))
                        .unwrap_or(default)
                };
                synthetic::build(
                    &real,
                    &out,
                    n("--cities", 13_000),
                    n("--series", 16),
                    n("--years", 20),
                )
                .map(|msg| {
                    println!("{msg}");
                    true
                })
            }
            _ => Err(USAGE.to_string()),
        },
        Some("corpus") => match (
            arg(&args, "--data"),
            arg(&args, "--cases"),
            arg(&args, "--out"),
        ) {
            (Some(data), Some(cases), Some(out)) => corpus::read_cases(&cases).and_then(|cases| {
                if args.iter().any(|a| a == "--check") {
                    corpus::check(&data, &cases, &out).map(|lines| {
                        println!("{}", lines.join("\n"));
                        true
                    })
                } else {
                    corpus::materialise(&data, &cases, &out).map(|n| {
                        println!("{n} broken datasets written to {}", out.display());
                        true
                    })
                }
            }),
            _ => Err(USAGE.to_string()),
        },
        Some("explain-match") => match (args.get(1), args.get(2), args.get(3)) {
            (Some(source), Some(name), Some(iso3)) => {
                let raw =
                    arg(&args, "--raw").unwrap_or_else(|| PathBuf::from("../shared/data/raw"));
                build::explain_match(&raw, source, name, iso3).map(|text| {
                    print!("{text}");
                    true
                })
            }
            _ => Err(USAGE.to_string()),
        },
        Some("validate") => match args.get(1) {
            Some(dir) if arg(&args, "--user").is_some() => {
                let file = arg(&args, "--user").unwrap_or_default();
                validate::validate_user(&PathBuf::from(dir), &file).map(|problems| {
                    for p in &problems {
                        println!("{p}");
                    }
                    if problems.is_empty() {
                        println!("{}: a valid user pack for {dir}", file.display());
                    }
                    problems.is_empty()
                })
            }
            Some(dir) => validate::validate_dir(&PathBuf::from(dir)).map(|mut problems| {
                problems.extend(package::check(&PathBuf::from(dir)));
                for p in &problems {
                    println!("{p}");
                }
                if problems.is_empty() {
                    println!("{dir}: every pack is valid, and so is its data package");
                } else {
                    println!("{} problem(s)", problems.len());
                }
                problems.is_empty()
            }),
            None => Err(USAGE.to_string()),
        },
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("datagen: {e}");
            ExitCode::from(2)
        }
    }
}
